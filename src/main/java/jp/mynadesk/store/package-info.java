/**
 * {@code JdbcVisitStore} implements {@code desk.VisitStore} on SQLite (the default: one {@code mynadesk.db} per data
 * directory, WAL, {@code synchronous=FULL}, busy timeout (→ {@code StoreException} UNAVAILABLE, exit 3), versioned
 * migrations (a small runner over numbered SQL resources; dialect bits in {@code Dialect}), tables for visits,
 * consents, declarations, re-check runs and findings, and the audit hash chain written in the same transaction as
 * each change) and on PostgreSQL for several desks ({@code --db}, {@code SharedDatabase}; every write serialised by a
 * transaction-level advisory lock so ids and the one audit chain stay whole; one re-check at a time through {@code
 * claimRecheck}; a visit whose COMMIT was in flight when the connection was lost is kept as in doubt ({@code
 * Transactions.CommitUnanswered}) and settled by the next {@code record} under the write lock, against its audit
 * entry: a retry of a visit that landed returns it instead of recording it again under a new id); {@code verify()} =
 * integrity check + chain + every row against its latest audit entry; online backup. {@code DataDirectory}: {@code
 * --data}, else {@code $MYNADESK_DATA}, else the settings file's {@code record}, else {@code
 * ~/.local/share/mynadesk}. Each visit row keeps {@code simulated} (schema 3; older visits read as simulated), and
 * the lists filter on it.
 *
 * <p><b>Sealing.</b> What keeps the record from being rewritten or lost quietly (docs/DESK.md, "The record"): {@code
 * AuditKey} (the installation's 32-byte key, {@code <data>/audit.key} or {@code $MYNADESK_AUDIT_KEY_FILE},
 * owner-only, made once, never replaced); {@code AuditChain} hashes with HMAC-SHA-256 under it (plain SHA-256 before
 * the seal); {@code Sealing} (the {@code audit_seal} row, migration V3: keyed from which entry, the head before it,
 * the key's fingerprint, all under a MAC; an older plain chain is verified, then sealed); {@code Anchor} (checkpoints
 * {@code <entries> <hash> <time>} appended and flushed after each commit to the data folder's {@code
 * mynadesk.anchor}); {@code Seal} (where key and anchor are); the write guard before a store's first write (seal and
 * key, {@code quick_check}, the chain at the last checkpoint) and the refusal to make a new record where the anchor
 * says one existed; {@code recordedAfterAll()} (a failed record looked up before a one-shot check advises); {@code
 * Durable} (folder fsync, ディスクがいっぱい vs permissions). PostgreSQL: log-in, socket and statement time-outs (a silent
 * server → UNAVAILABLE).
 */
package jp.mynadesk.store;
