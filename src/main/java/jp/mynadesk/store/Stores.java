package jp.mynadesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.StoreException.Kind;
import jp.mynadesk.desk.VisitStore;
import org.sqlite.SQLiteConfig;

/**
 * Opens the record: the SQLite file ({@value #SQLITE_FILE}) in a data directory, or a PostgreSQL database shared by
 * several desks ({@code --db}). Both are the same {@link JdbcVisitStore} with the engine's {@link Dialect}, sealed by
 * what the data directory keeps outside the record ({@link Seal}: the audit key and the anchor file).
 */
public final class Stores {
    /** The record's file in a data directory. */
    public static final String SQLITE_FILE = "mynadesk.db";

    /** How long a write waits for another desk's transaction before the record is reported busy. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private Stores() {}

    /**
     * Loads SQLite's native library (from the build folder, see {@link SqliteNative}) and initialises the driver and
     * its configuration, as the first {@link #open} would; a one-shot check does it on a second core ahead of time
     * (issue 23).
     */
    public static void loadSqlite() throws Exception {
        SqliteNative.prepare();
        org.sqlite.SQLiteJDBCLoader.initialize();
        new SQLiteConfig(); // its date format loads the JDK's locale data, ~15 ms the first time
    }

    /** The record in a folder the user named (created if missing; its parent must exist). */
    public static VisitStore open(Path dataDir, Clock clock) {
        return open(new DataDirectory(dataDir, true), clock, DEFAULT_BUSY_TIMEOUT);
    }

    public static VisitStore open(DataDirectory dir, Clock clock) {
        return open(dir, clock, DEFAULT_BUSY_TIMEOUT);
    }

    public static VisitStore open(DataDirectory dir, Clock clock, Duration busyTimeout) {
        Dialect sqlite = sqlite(dir, busyTimeout);
        return JdbcVisitStore.open(sqlite, Seal.in(prepare(dir)), clock);
    }

    /**
     * The record in a shared PostgreSQL database, for the desk whose data folder is {@code dir} (its anchor file,
     * and its audit key unless the database names one); {@code lockWait}: how long a write waits for another desk.
     */
    public static VisitStore open(SharedDatabase db, DataDirectory dir, Clock clock, Duration lockWait) {
        return JdbcVisitStore.open(new PostgresDialect(db, lockWait), Seal.shared(db, prepare(dir)), clock);
    }

    /**
     * A shared record without a data folder (tests, bench): no anchor file is kept, and the database must name its
     * audit key ({@link SharedDatabase#auditKeyFile}).
     */
    public static VisitStore open(SharedDatabase db, Clock clock, Duration lockWait) {
        return JdbcVisitStore.open(new PostgresDialect(db, lockWait), keyOnly(db), clock);
    }

    /** {@code db migrate}: brings the data directory's record up to date. */
    public static SchemaChange migrate(DataDirectory dir, Clock clock, Duration busyTimeout) {
        Dialect sqlite = sqlite(dir, busyTimeout);
        return JdbcVisitStore.migrate(sqlite, Seal.in(prepare(dir)), clock);
    }

    /** {@code db migrate}: brings the shared database's record up to date. */
    public static SchemaChange migrate(SharedDatabase db, DataDirectory dir, Clock clock, Duration lockWait) {
        return JdbcVisitStore.migrate(new PostgresDialect(db, lockWait), Seal.shared(db, prepare(dir)), clock);
    }

    /**
     * How many audit entries the data directory's anchor file says its record had (0: none, or no anchor): a
     * command that finds no record file there tells a lost record from a folder that never had one.
     */
    public static long anchoredEntries(DataDirectory dir) {
        try {
            return new Anchor(Seal.in(dir.path()).anchorFile()).latest().map(Anchor.Checkpoint::seq).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Seal keyOnly(SharedDatabase db) {
        if (db.auditKeyFile() == null) {
            throw new IllegalArgumentException("a shared record opened without a data folder needs its audit key file");
        }
        return new Seal(db.auditKeyFile(), null);
    }

    static Dialect sqlite(DataDirectory dir, Duration busyTimeout) {
        return new SqliteDialect(prepare(dir).resolve(SQLITE_FILE), busyTimeout);
    }

    /** Makes sure the folder exists (see {@link DataDirectory#named}) and can be written. */
    static Path prepare(DataDirectory dir) {
        Path path = dir.path().toAbsolutePath();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw unavailable("データフォルダ " + path + " はフォルダではなくファイルです。別の場所を --data で指定してください。", null);
        }
        if (!Files.exists(path)) {
            Path parent = path.getParent();
            if (dir.named() && parent != null && !Files.isDirectory(parent)) {
                throw unavailable("データフォルダの親フォルダ " + parent + " がありません。パスを確かめてください。", null);
            }
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw unavailable("データフォルダ " + path + " を作れません（" + Durable.why(e, path) + "）。", e);
            }
        }
        if (!Files.isWritable(path)) {
            throw unavailable("データフォルダ " + path + " に書き込めません。権限を確かめてください。", null);
        }
        return path;
    }

    private static StoreException unavailable(String message, Throwable cause) {
        return new StoreException(Kind.UNAVAILABLE, message, cause);
    }
}
