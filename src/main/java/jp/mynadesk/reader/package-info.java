/**
 * {@code CardReaders}: list readers (presence, ATR), choose by name or substring, connect ({@code
 * TerminalFactory.getInstance("PC/SC", null)}, never {@code getDefault()}); {@code ReaderMonitor}: one thread owns
 * the readers and re-lists them in finite ticks, reporting {@code ReaderEvent}s instead of trusting {@code
 * waitForChange}; {@code PcscProblem}: PC/SC failures classified by the {@code SCARD_*} name in the cause chain, each
 * with the Japanese message and next step for staff.
 */
package jp.mynadesk.reader;
