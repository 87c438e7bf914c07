package jp.mynadesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.desk.StoreException;

/**
 * Brings a record's schema up to date: numbered SQL resources ({@code migrations/V<n>__<name>.sql}) applied in
 * order, each in the write transaction that also notes it in {@code schema_version}. A record made by a newer
 * mynadesk is refused rather than guessed at.
 */
final class Migrations {
    /** In order; append, never edit a script that has shipped. */
    static final List<String> SCRIPTS = List.of("V1__record.sql", "V2__one_chain.sql", "V3__simulated.sql", "V4__audit_seal.sql",
            "V5__subsidies.sql");

    private Migrations() {}

    static int latest() {
        return SCRIPTS.size();
    }

    static void apply(Connection c, Dialect dialect, Clock clock) throws SQLException {
        apply(c, dialect, clock, latest());
    }

    /** Up to version {@code target} only (tests make an older record to migrate). */
    static void apply(Connection c, Dialect dialect, Clock clock, int target) throws SQLException {
        if (current(c, dialect) >= target) {
            if (current(c, dialect) > latest()) {
                throw newer(current(c, dialect));
            }
            return; // the usual case: no write lock taken just to open the record
        }
        Transactions.write(c, dialect, () -> {
            int at = current(c, dialect); // again, under the lock: another desk may have migrated meanwhile
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                        + "script VARCHAR(100) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            }
            if (at > latest()) {
                throw newer(at);
            }
            for (int v = at + 1; v <= target; v++) {
                String script = SCRIPTS.get(v - 1);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(load(script))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, v);
                    p.setString(2, script);
                    p.setString(3, OffsetDateTime.now(clock).toString());
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    private static StoreException newer(int at) {
        return new StoreException(StoreException.Kind.UNAVAILABLE, "この記録は新しい版の mynadesk で作られています（版 "
                + at + "）。mynadesk を更新してください。", null);
    }

    /** The schema version of the record, 0 when it is new. */
    static int current(Connection c, Dialect dialect) throws SQLException {
        String schema = dialect.schema(c); // PostgreSQL: only this record's schema, not others in the database
        try (Statement s = c.createStatement()) {
            if (!hasTable(c, schema, "schema_version")) {
                if (!hasTable(c, schema, "visits")) {
                    return 0;
                }
                // Each lookup sees the database as it is then: another desk's migration may have committed both
                // tables between the two. Seen after visits, a schema_version committed with it is seen too.
                if (!hasTable(c, schema, "schema_version")) {
                    throw damaged("schema_version is missing");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                int version = rs.next() ? rs.getInt(1) : 0;
                if (version == 0) {
                    // the table is only ever created together with its first row
                    throw damaged("schema_version is empty");
                }
                return version;
            }
        }
    }

    private static boolean hasTable(Connection c, String schema, String table) throws SQLException {
        try (ResultSet t = c.getMetaData().getTables(null, schema, table, null)) {
            return t.next();
        }
    }

    private static StoreException damaged(String what) {
        return new StoreException(StoreException.Kind.CORRUPT, "記録の版の情報が壊れています（" + what
                + "）。mynadesk db verify で確かめ、バックアップから戻してください。", null);
    }

    /** Statements end with ';' at the end of a line; lines starting with '--' are comments. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration script ends without ';'");
        }
        return out;
    }

    private static String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + script, e);
        }
    }
}
