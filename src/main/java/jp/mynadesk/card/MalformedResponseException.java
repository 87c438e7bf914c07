package jp.mynadesk.card;

/** The card (or the reader) answered bytes that cannot be a response APDU. */
public final class MalformedResponseException extends RuntimeException {
    public MalformedResponseException(String message) {
        super(message);
    }
}
