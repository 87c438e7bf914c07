package jp.mynadesk.settings;

import jp.mynadesk.format.Labelled;

/** Where a setting's value came from, highest precedence first (docs/CLINIC.md, "Settings"). */
public enum Source implements Labelled {
    OPTION("option", "オプション"),
    ENVIRONMENT("environment", "環境変数"),
    FILE("file", "設定ファイル"),
    DEFAULT("default", "既定");

    private final Words words;

    Source(String code, String label) {
        this.words = new Words(code, label);
    }

    @Override
    public Words words() {
        return words;
    }
}
