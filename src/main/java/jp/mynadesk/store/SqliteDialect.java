package jp.mynadesk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.StoreException.Kind;
import jp.mynadesk.desk.VisitStore;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * SQLite through sqlite-jdbc: WAL (readers never wait for the desk that writes), synchronous=FULL (a commit is on
 * disk when {@code record} returns, also across power loss), foreign keys on, and a busy timeout after which a
 * locked record is reported instead of waited for.
 */
final class SqliteDialect implements Dialect {
    static final String RECHECK_LOCK_SUFFIX = ".recheck-lock";

    /** SQLite primary result codes (sqlite3.h); extended codes carry them in the low byte. */
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private final Path file;
    private final Duration busyTimeout;

    SqliteDialect(Path file, Duration busyTimeout) {
        this.file = file;
        this.busyTimeout = busyTimeout;
    }

    @Override
    public String engine() {
        return "SQLite";
    }

    @Override
    public Connection connect() throws SQLException {
        SqliteNative.prepare(); // the driver's native library from the build folder, not a fresh copy in /tmp
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        // The driver itself rather than DriverManager: DriverManager's first use loads every driver on the class path,
        // and PostgreSQL's starts java.util.logging, about 10 ms of a one-shot check. DriverManager would hand this
        // URL to the same driver, whose errors it passes on unchanged.
        return JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    @Override
    public List<String> beginWrite() {
        // IMMEDIATE takes the write lock at BEGIN, so the busy timeout applies there and two desks never
        // deadlock upgrading a read lock.
        return List.of("BEGIN IMMEDIATE");
    }

    @Override
    public String schema(Connection connection) {
        return null;
    }

    /**
     * An exclusive lock on a file beside the record ({@value #RECHECK_LOCK_SUFFIX}): the operating system drops it
     * when the process ends, so a killed re-check never blocks the next one.
     */
    @Override
    public Optional<VisitStore.RecheckClaim> claimRecheck(Connection connection) throws SQLException {
        Path lockFile = file.resolveSibling(file.getFileName() + RECHECK_LOCK_SUFFIX);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            FileChannel held = channel;
            return Optional.of(() -> {
                try {
                    held.close(); // releases the lock
                } catch (IOException ignored) {
                    // the lock goes with the channel either way
                }
            });
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel); // another store in this process holds it
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SQLException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing was claimed
        }
    }

    @Override
    public boolean connectionLost(SQLException e) {
        return false; // a file does not go away under an open connection
    }

    @Override
    public String beginRead() {
        return "BEGIN DEFERRED";
    }

    /**
     * {@code integrity_check}, and the WAL file still in its place: while this desk has the record open, its recent
     * commits may live only in {@code mynadesk.db-wal}. A WAL deleted under a running desk is still read through the
     * desk's open file, so everything looks whole, until the desk stops and those visits are gone.
     */
    @Override
    public List<String> integrityProblems(Connection connection) throws SQLException {
        List<String> problems = check(connection, "PRAGMA integrity_check");
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (problems.isEmpty() && inWalMode(connection) && !Files.exists(wal)) {
            problems.add("WAL ファイル（" + wal.getFileName() + "）が消えています。最近の受付はこの端末の開いているファイルにしか"
                    + "ありません。mynadesk を強制終了せず、正常に終了してください（終了時に記録のファイルへ書き込まれます）");
        }
        return problems;
    }

    private static boolean inWalMode(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            return rs.next() && "wal".equalsIgnoreCase(rs.getString(1));
        }
    }

    /** {@code quick_check}: every page and row read, without checking that each index matches its table. */
    @Override
    public List<String> quickIntegrityProblems(Connection connection) throws SQLException {
        return check(connection, "PRAGMA quick_check");
    }

    @Override
    public boolean recordMissing() {
        try {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            // a record not yet checkpointed is an empty main file and everything in its WAL
            return !Files.exists(file) || Files.size(file) == 0 && (!Files.exists(wal) || Files.size(wal) == 0);
        } catch (IOException e) {
            return false; // cannot tell: connecting will say what is wrong
        }
    }

    private static List<String> check(Connection connection, String pragma) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(pragma)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    @Override
    public void backup(Connection connection, Path target) throws SQLException {
        // The online backup API (what sqlite-jdbc's "backup to" statement calls), without quoting the path into SQL.
        connection.unwrap(SQLiteConnection.class).getDatabase()
                .backup("main", target.toAbsolutePath().toString(), null);
    }

    private StoreException diskFull(SQLException e) {
        return new StoreException(Kind.UNAVAILABLE, "ディスクがいっぱいで記録を使えません（データフォルダ "
                + file.toAbsolutePath().getParent() + "）。空き容量を作ってからもう一度試してください。", e);
    }

    @Override
    public StoreException translate(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return switch (code) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new StoreException(Kind.UNAVAILABLE,
                    "記録は他の端末（または別のプログラム）が使用中です。しばらく待ってからもう一度試してください。", e);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new StoreException(Kind.CORRUPT,
                    "記録のファイルが壊れています。mynadesk db verify で確かめ、バックアップから戻してください。", e);
            case SQLITE_FULL -> diskFull(e);
            // SQLite often reports a full disk as an I/O error or a file it cannot open (the WAL, its index): the
            // free space says which it is before the user is sent to check permissions
            case SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR -> Durable.diskFull(file.toAbsolutePath().getParent())
                    ? diskFull(e)
                    : new StoreException(Kind.UNAVAILABLE,
                            "記録のファイルを開けないか書き込めません。データフォルダの場所と権限を確かめてください。", e);
            default -> new StoreException(Kind.UNAVAILABLE,
                    "記録を使えません（SQLite: " + e.getMessage() + "）。データフォルダを確かめてください。", e);
        };
    }
}
