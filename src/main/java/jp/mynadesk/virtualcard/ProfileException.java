package jp.mynadesk.virtualcard;

/**
 * A card profile could not be loaded: unreadable JSON, an unknown profile name, or a field whose value is not
 * allowed. The message is a complete English sentence naming the profile, the field and what is allowed, so
 * the CLI can print it as is (and exit 2).
 */
public final class ProfileException extends Exception {
    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
