package jp.mynadesk.settings;

/**
 * One setting in force: its value (null when none is set and the default is "nothing"), where it came from, and the
 * name under which it was given, for messages ({@code --reader}, {@code 環境変数 MYNADESK_READER}, {@code 設定ファイル
 * … の reader}).
 */
public record Setting<T>(T value, Source source, String where) {
    public boolean isSet() {
        return value != null;
    }

    static <T> Setting<T> ofDefault(T value) {
        return new Setting<>(value, Source.DEFAULT, "既定");
    }
}
