package jp.mynadesk.oqs;

/** A message that is not well-formed XML, not OQS-shaped, or carries a value outside its code table. */
public final class OqsFormatException extends Exception {
    public OqsFormatException(String message) {
        super(message);
    }

    public OqsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
