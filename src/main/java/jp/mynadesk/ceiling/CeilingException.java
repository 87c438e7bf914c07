package jp.mynadesk.ceiling;

/** A request the tables cannot answer (no table for the date, no outpatient limit, a missing total). */
public final class CeilingException extends Exception {
    private static final long serialVersionUID = 1L;

    public CeilingException(String message) {
        super(message);
    }
}
