package jp.mynadesk.doctor;

import jp.mynadesk.settings.Settings;
import jp.mynadesk.settings.SettingsFile;

/**
 * The settings file: found and every value valid (正常); none at the default place, so the desk runs on defaults and
 * options (警告); or a file that cannot be used or a bad value in it or in the environment (異常, with the settings'
 * own message, which names the key and never repeats the value).
 */
public final class SettingsCheck implements Check {
    public static final String NAME = "settings";

    private final SettingsFile.Location location;
    private final boolean fileRead;
    private final String problem;

    private SettingsCheck(SettingsFile.Location location, boolean fileRead, String problem) {
        this.location = location;
        this.fileRead = fileRead;
        this.problem = problem;
    }

    /** The settings resolved. */
    public static SettingsCheck of(Settings settings) {
        return new SettingsCheck(settings.location(), settings.fileRead(), null);
    }

    /** The settings could not be resolved: {@code message} says why (jp.mynadesk.settings.SettingsException). */
    public static SettingsCheck failed(SettingsFile.Location location, String message) {
        return new SettingsCheck(location, false, message);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding run() {
        if (problem != null) {
            return Finding.problem(NAME, problem, "設定ファイルを直すか、mynadesk setup で作り直してください。"
                    + "直すまでの診断は、オプションで指定した値で行っています。");
        }
        if (location == null) {
            return Finding.warning(NAME, "設定ファイルの場所が決まりません（HOME も XDG_CONFIG_HOME もありません）。",
                    "--config FILE か環境変数 MYNADESK_CONFIG で設定ファイルを指定してください。");
        }
        if (!fileRead) {
            return Finding.warning(NAME, "設定ファイル " + location.path() + " がありません。既定値とオプションで動いています。",
                    "mynadesk setup で設定ファイルを作ってください（医療機関コード・端末名・カードリーダー・CA 証明書・サービス）。");
        }
        return Finding.ok(NAME, "設定ファイル " + location.path() + " を読みました。値はすべて正しい形です。");
    }
}
