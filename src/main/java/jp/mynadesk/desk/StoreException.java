package jp.mynadesk.desk;

/** The record cannot be used; {@code kind} tells the caller what it means for the user (exit 3 or 4). */
public final class StoreException extends RuntimeException {
    public enum Kind {
        /** Locked by another process past the busy timeout, folder missing or not writable: exit 3. */
        UNAVAILABLE,
        /** The file is damaged or the audit chain is broken: exit 4. */
        CORRUPT
    }

    private final Kind kind;

    /** @param message Japanese, for staff: what happened and what to do */
    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
