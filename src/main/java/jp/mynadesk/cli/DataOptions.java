package jp.mynadesk.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.settings.Settings;
import jp.mynadesk.settings.SettingsException;
import jp.mynadesk.settings.Source;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.SchemaChange;
import jp.mynadesk.store.SharedDatabase;
import jp.mynadesk.store.Stores;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, {@code --data DIR}, {@code --db JDBC-URL} (with {@code --db-password-file}) and
 * {@code --wait SECONDS}: the settings file, where the record is and how long to wait for another desk. Every
 * command that opens a record or a desk mixes these in, so each has {@code --config} once; the record comes from
 * an option, else the environment, else the settings file's {@code record}, else the platform's folder
 * (docs/CLINIC.md, "Settings").
 */
final class DataOptions {
    private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Tokyo"));

    @Option(names = "--config", paramLabel = "FILE",
            description = "設定ファイル（YAML。既定: 環境変数 MYNADESK_CONFIG、なければ ~/.config/mynadesk/settings.yaml）")
    String config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "記録を置くフォルダ（既定: 環境変数 MYNADESK_DATA、設定ファイルの record、なければ ~/.local/share/mynadesk）")
    String data;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "複数の端末で共有する PostgreSQL の記録（既定: 環境変数 MYNADESK_DB）。例: "
                    + "jdbc:postgresql://db:5432/mynadesk?user=desk（設定ファイルの record にも書けます）。パスワードは URL に書かず、環境変数 "
                    + "MYNADESK_DB_PASSWORD（または PGPASSWORD）か --db-password-file で渡します。監査鍵は全端末で同じファイル"
                    + "（最初の端末の audit.key のコピー）を環境変数 MYNADESK_AUDIT_KEY_FILE で指定します")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "共有データベースのパスワードを1行目に書いた、本人だけが読めるファイル（既定: 環境変数 MYNADESK_DB_PASSWORD_FILE）")
    String dbPasswordFile;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "他の端末が記録を使っているときに待つ秒数（既定 5）")
    double waitSeconds = 5;

    /** The settings in force for the record's options alone (commands that open only the record). */
    Settings settings(Map<String, String> env) {
        return resolve(Settings.Given.record(config, data, db), env);
    }

    /** Every setting, the command line's values first; a bad one is bad input (exit 2). */
    static Settings resolve(Settings.Given given, Map<String, String> env) {
        try {
            return Settings.resolve(given, env);
        } catch (SettingsException e) {
            throw CliException.badInput(e.getMessage());
        }
    }

    DataDirectory directory(Map<String, String> env) {
        return directory(settings(env), env);
    }

    /** The data folder: the settings file's {@code record} when it names one and nothing above it does. */
    DataDirectory directory(Settings settings, Map<String, String> env) {
        try {
            if (settings.record().source() == Source.FILE && !settings.recordIsDatabase()) {
                return new DataDirectory(java.nio.file.Path.of(settings.record().value()), true);
            }
            return DataDirectory.resolve(data, env);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(e.getMessage());
        }
    }

    /** The shared database named by --db or $MYNADESK_DB, or null for the data directory's SQLite file. */
    SharedDatabase database(Map<String, String> env) {
        return database(settings(env), env);
    }

    /** The shared database the settings name (option, variable or file), or null for the data folder's SQLite file. */
    SharedDatabase database(Settings settings, Map<String, String> env) {
        if (!settings.recordIsDatabase()) {
            return null;
        }
        try {
            return settings.record().source() == Source.FILE
                    ? SharedDatabase.resolveUrl(settings.record().value(), settings.record().where(), dbPasswordFile, env)
                    : SharedDatabase.resolve(db, dbPasswordFile, env);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(e.getMessage());
        }
    }

    /** How long to wait for another desk that holds the record. */
    Duration busyTimeout() {
        if (!(waitSeconds >= 0 && waitSeconds <= 3600)) {
            throw CliException.badInput("--wait は 0 から 3600 までの秒数で指定してください: " + waitSeconds);
        }
        return Duration.ofMillis(Math.round(waitSeconds * 1000));
    }

    VisitStore open(Map<String, String> env) {
        return onRecord(env, Stores::open, Stores::open);
    }

    /** {@code db migrate}: the record's schema brought up to date. */
    SchemaChange migrate(Map<String, String> env) {
        return onRecord(env, Stores::migrate, Stores::migrate);
    }

    /** A step on the shared database (with the data folder for the run's files). */
    private interface OnShared<T> {
        T run(SharedDatabase db, DataDirectory dir, Clock clock, Duration wait);
    }

    /** A step on the data folder's SQLite file. */
    private interface OnFolder<T> {
        T run(DataDirectory dir, Clock clock, Duration wait);
    }

    /**
     * The record the settings name, with the run log opened in its folder: the step on the shared database or on the
     * data folder; a record that cannot be used is the command's failure ({@link #failure}).
     */
    private <T> T onRecord(Map<String, String> env, OnShared<T> onShared, OnFolder<T> onFolder) {
        Duration wait = busyTimeout();
        Settings settings = settings(env);
        SharedDatabase shared = database(settings, env);
        DataDirectory dir = directory(settings, env);
        RunLog.open(dir);
        try {
            return shared != null ? onShared.run(shared, dir, CLOCK, wait) : onFolder.run(dir, CLOCK, wait);
        } catch (StoreException e) {
            throw failure(e);
        }
    }

    /**
     * Opens a record that must already exist (verify, backup): a wrong folder is not a new, empty record. A shared
     * database is opened as it is; its administrator created it.
     */
    VisitStore openExisting(Map<String, String> env) {
        Settings settings = settings(env);
        if (database(settings, env) != null) {
            return open(env);
        }
        DataDirectory dir = directory(settings, env);
        if (!Files.exists(dir.path().resolve(Stores.SQLITE_FILE))) {
            long had = Stores.anchoredEntries(dir);
            if (had > 0) { // not a wrong folder: this folder's record is gone
                throw new CliException(ExitCode.DAMAGED, "データフォルダ " + dir.path().toAbsolutePath() + " に記録（" + Stores.SQLITE_FILE
                        + "）がありませんが、記録の外の控え（" + jp.mynadesk.store.Seal.ANCHOR_FILE + "）では監査記録が " + had
                        + " 件ありました。記録が失われています。バックアップから戻してください。");
            }
            throw CliException.unavailable("データフォルダ " + dir.path().toAbsolutePath()
                    + " に記録（" + Stores.SQLITE_FILE + "）がありません。--data で記録のあるフォルダを指定してください。");
        }
        return open(env);
    }

    /** What a command prints and exits with when the record cannot be used. */
    static CliException failure(StoreException e) {
        return new CliException(e.kind() == StoreException.Kind.CORRUPT ? ExitCode.DAMAGED : ExitCode.UNAVAILABLE, e.getMessage());
    }
}
