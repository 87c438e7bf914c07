package jp.mynadesk.settings;

/**
 * A settings file, option or variable that cannot be used. The message is Japanese, names the key (or option or
 * variable) and says what is allowed; it never repeats the value, which may be a secret typed in the wrong place.
 */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
