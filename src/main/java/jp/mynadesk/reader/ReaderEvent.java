package jp.mynadesk.reader;

/** A change the {@link ReaderMonitor} saw between two ticks. */
public sealed interface ReaderEvent {
    record ReaderAdded(String reader) implements ReaderEvent {}

    record ReaderRemoved(String reader) implements ReaderEvent {}

    record CardInserted(String reader) implements ReaderEvent {}

    record CardRemoved(String reader) implements ReaderEvent {}

    /** Listing failed (pcscd stopped, ...); reported once per new problem, not every tick. */
    record Unavailable(PcscProblem problem) implements ReaderEvent {}
}
