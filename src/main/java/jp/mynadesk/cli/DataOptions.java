package jp.mynadesk.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.SqliteVisitStore;
import jp.mynadesk.store.Stores;
import picocli.CommandLine.Option;

/** {@code --data DIR} and {@code --wait SECONDS}: where the record is and how long to wait for another desk. */
final class DataOptions {
    /** The record's problems as exit statuses: 3 unavailable (locked, folder), 4 damaged or tampered. */
    static final int CORRUPT = 4;

    @Option(names = "--data", paramLabel = "DIR",
            description = "記録を置くフォルダ（既定: 環境変数 MYNADESK_DATA、なければ ~/.local/share/mynadesk）")
    String data;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "5",
            description = "他の端末が記録を使っているときに待つ秒数（既定 5）")
    double waitSeconds;

    DataDirectory directory(Map<String, String> env) {
        try {
            return DataDirectory.resolve(data, env);
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
        Duration wait = busyTimeout();
        DataDirectory dir = directory(env);
        try {
            return Stores.open(dir, Clock.system(ZoneId.of("Asia/Tokyo")), wait);
        } catch (StoreException e) {
            throw failure(e);
        }
    }

    /** Opens a record that must already exist (verify, backup): a wrong folder is not a new, empty record. */
    VisitStore openExisting(Map<String, String> env) {
        DataDirectory dir = directory(env);
        if (!Files.exists(dir.path().resolve(SqliteVisitStore.FILE_NAME))) {
            throw CliException.unavailable("データフォルダ " + dir.path().toAbsolutePath()
                    + " に記録（" + SqliteVisitStore.FILE_NAME + "）がありません。--data で記録のあるフォルダを指定してください。");
        }
        return open(env);
    }

    /** What a command prints and exits with when the record cannot be used. */
    static CliException failure(StoreException e) {
        return new CliException(e.kind() == StoreException.Kind.CORRUPT ? CORRUPT : Main.UNAVAILABLE, e.getMessage());
    }
}
