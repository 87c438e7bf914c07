package jp.mynadesk.documents;

/**
 * Input that cannot be read at all (broken JSON, a wrong type, an unknown kind, an unreadable image or a foreign
 * QR code). The message is for staff and says what was wrong, where, and what to do; it never repeats a
 * My Number field.
 */
public final class DocumentInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public DocumentInputException(String message) {
        super(message);
    }

    public DocumentInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
