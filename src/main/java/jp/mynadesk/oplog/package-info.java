/**
 * The operations log (docs/CLINIC.md "The operations log"): {@code OperationsLog} (open in {@code <data>/log},
 * start/stop lines, {@code info}/{@code warning}/{@code unexpected}, {@code foreign} for text from elsewhere, {@code
 * whereToLook} for staff messages; returns at once while none is open), {@code RotatingLogHandler} (a {@code
 * java.util.logging.Handler}: {@code mynadesk.log} rotated 1 MiB × 5 under a cross-process file lock, owner-only
 * files), {@code LogLineFormat} (one line per record, JST, pid, stack traces masked by {@code Scrub}). A leaf: every
 * package may log, it knows none. In {@code cli}, {@code RunLog} opens it for the commands that use a data folder,
 * logs a refused or unexpected end (with the stack trace) and closes it when {@code Main.run} returns; {@code
 * DoctorCommand} is {@code mynadesk doctor}.
 */
package jp.mynadesk.oplog;
