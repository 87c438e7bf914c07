package jp.mynadesk.virtualcard;

/**
 * A card or reader profile could not be loaded: unreadable JSON, an unknown profile name, or a field whose value is
 * not allowed. The message is Japanese, names the profile (or file) and the field, says what is allowed and repeats
 * nothing from the file, so the CLI can print it after "カードプロファイルを読み込めません。" and the option (exit 2).
 */
public final class ProfileException extends Exception {
    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
