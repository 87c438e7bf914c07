package jp.mynadesk.settings;

/** Where a setting's value came from, highest precedence first (docs/CLINIC.md, "Settings"). */
public enum Source {
    OPTION("option", "オプション"),
    ENVIRONMENT("environment", "環境変数"),
    FILE("file", "設定ファイル"),
    DEFAULT("default", "既定");

    private final String code;
    private final String label;

    Source(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The word in {@code settings show --json}. */
    public String code() {
        return code;
    }

    /** The word staff read. */
    public String label() {
        return label;
    }
}
