package jp.mynadesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.StoreException.Kind;
import jp.mynadesk.desk.VisitStore;

/**
 * PostgreSQL through pgjdbc, for several desks on one record. Writes are serialized by a transaction-scoped
 * advisory lock taken right after BEGIN (the same discipline as SQLite's BEGIN IMMEDIATE): visit ids
 * ({@code MAX(day_seq) + 1}), the audit chain's head and re-check states are read and written by one desk at a
 * time, so the chain stays one chain and ids never collide. The re-check is claimed with a session-level
 * advisory lock that the server drops when the desk's connection ends. Both locks are keyed by the record's
 * schema, so records in different schemas of one database do not wait for each other.
 */
final class PostgresDialect implements Dialect {
    /** First half of the advisory lock keys ("mynadesk" in the first letters' spirit: arbitrary, fixed). */
    private static final int WRITE_LOCK = 0x6d79_6e01;
    private static final int RECHECK_LOCK = 0x6d79_6e02;
    private static final String KEY = ", hashtext(current_schema()))";

    /** TCP connect to the server. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Connect and log in, all told (a stopped server accepts the TCP connection and never answers the log-in). */
    static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);
    /** Beyond the lock wait: how long a statement may take before the server cancels it. */
    static final Duration STATEMENT_MARGIN = Duration.ofSeconds(8);
    /** Beyond the lock wait: how long the desk waits for any reply before it calls the connection lost. */
    static final Duration SILENCE = Duration.ofSeconds(10);

    private final SharedDatabase db;
    private final Duration lockTimeout;

    PostgresDialect(SharedDatabase db, Duration lockTimeout) {
        this.db = db;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public String engine() {
        return "PostgreSQL";
    }

    @Override
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        if (db.password() != null) {
            p.setProperty("password", db.password());
        }
        p.setProperty("ApplicationName", "mynadesk");
        // A server that accepts the connection and then says nothing (stopped, hung, a half-open network) must not
        // hold the desk: TCP connect, the whole log-in, and every later read each have a bound, after which the
        // connection counts as lost (SQLState 08006) and the desk takes its record-unavailable path.
        p.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        p.setProperty("loginTimeout", Long.toString(LOGIN_TIMEOUT.toSeconds()));
        p.setProperty("socketTimeout", Long.toString(socketTimeout().toSeconds()));
        p.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(db.url(), p);
        try (Statement s = c.createStatement()) {
            // A desk waits this long for another desk's write (or a migration) before it reports the record busy.
            s.execute("SET lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
            // The server's own bound on one statement, inside the client's: a slow server answers with an error
            // (57014) before the socket time-out would have to drop the connection.
            s.execute("SET statement_timeout = " + statementTimeout().toMillis());
            s.execute("SET synchronous_commit = on"); // a visit is on disk when the screen says 記録しました
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A statement (a lock wait included) is cancelled by the server after this. */
    Duration statementTimeout() {
        return lockTimeout.plus(STATEMENT_MARGIN);
    }

    /** No reply for this long, and the connection is lost (whole seconds: the driver's unit). */
    Duration socketTimeout() {
        return Duration.ofSeconds((lockTimeout.plus(SILENCE).toMillis() + 999) / 1000);
    }

    @Override
    public List<String> beginWrite() {
        return List.of("BEGIN", "SELECT pg_advisory_xact_lock(" + WRITE_LOCK + KEY);
    }

    @Override
    public String beginRead() {
        return "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
    }

    @Override
    public String schema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** Pages that failed their checksum (when the cluster has data checksums); the rest is the audit chain's job. */
    @Override
    public List<String> integrityProblems(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COALESCE(checksum_failures, 0) FROM pg_stat_database WHERE datname = current_database()")) {
            long failures = rs.next() ? rs.getLong(1) : 0;
            return failures == 0 ? List.of() : List.of("データページのチェックサム不一致 " + failures + " 件");
        }
    }

    @Override
    public List<String> quickIntegrityProblems(Connection connection) throws SQLException {
        return integrityProblems(connection);
    }

    /** A database has no file to look at; an empty schema is found after connecting (no tables). */
    @Override
    public boolean recordMissing() {
        return false;
    }

    @Override
    public void backup(Connection connection, Path target) {
        throw new StoreException(Kind.UNAVAILABLE, "共有データベース（PostgreSQL）の記録は、データベースの管理者が pg_dump "
                + "でバックアップしてください。mynadesk db backup は SQLite の記録だけを複製します。", null);
    }

    @Override
    public Optional<VisitStore.RecheckClaim> claimRecheck(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + RECHECK_LOCK + KEY)) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Optional.empty();
            }
        }
        return Optional.of(() -> {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + RECHECK_LOCK + KEY);
            } catch (SQLException gone) {
                // the connection ended, and the server dropped the lock with it
            }
        });
    }

    @Override
    public boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    @Override
    public StoreException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (connectionLost(e)) {
            return new StoreException(Kind.UNAVAILABLE, "共有データベース（PostgreSQL）に接続できません。サーバーの再起動中か、"
                    + "ネットワークが切れています。しばらく待ってからもう一度試してください（記録済みの受付は失われていません）。", e);
        }
        return switch (state) {
            case "57014" -> new StoreException(Kind.UNAVAILABLE, "共有データベース（PostgreSQL）の応答が遅すぎるため、"
                    + "待つのをやめました。しばらく待ってからもう一度試してください。", e);
            case "55P03", "40P01", "40001" -> new StoreException(Kind.UNAVAILABLE,
                    "記録は他の端末が使用中です。しばらく待ってからもう一度試してください。", e);
            case "28P01", "28000" -> new StoreException(Kind.UNAVAILABLE, "共有データベースにログインできません。ユーザー名と"
                    + "パスワード（環境変数 " + SharedDatabase.PASSWORD_ENV + " など）を確かめてください。", e);
            case "3D000", "3F000" -> new StoreException(Kind.UNAVAILABLE,
                    "共有データベース（またはスキーマ）がありません。--db の URL を確かめてください。", e);
            case "42501" -> new StoreException(Kind.UNAVAILABLE,
                    "共有データベースの権限が足りません。データベースの管理者に確かめてください。", e);
            case "53100" -> new StoreException(Kind.UNAVAILABLE,
                    "データベースのディスクがいっぱいで記録できません。データベースの管理者に連絡してください。", e);
            case "XX001", "XX002" -> new StoreException(Kind.CORRUPT,
                    "共有データベースのデータが壊れています。mynadesk db verify で確かめ、管理者に連絡してください。", e);
            default -> new StoreException(Kind.UNAVAILABLE,
                    "共有データベースを使えません（PostgreSQL: " + e.getMessage() + "）。--db と接続先を確かめてください。", e);
        };
    }
}
