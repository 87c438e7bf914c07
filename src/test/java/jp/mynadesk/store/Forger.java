package jp.mynadesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import jp.mynadesk.desk.VisitJson;

/**
 * Someone with the sqlite3 tool and this project's source, but not the audit key: edits the record with SQL, then
 * re-hashes the chain from the first entry with the plain (unkeyed) formula, as it was before keys. Before keys this
 * made {@code db verify} pass (issue 22 item 5).
 */
final class Forger {
    private Forger() {}

    /** Runs SQL with the sqlite3 tool (foreign keys off, as the tool has them). */
    static void sql(Path db, String sql) throws IOException, InterruptedException {
        Sqlite3Tool.run(db, sql);
    }

    /** Re-hashes every audit entry with plain SHA-256, in order, and writes the hashes back with sqlite3. */
    static void rehashPlain(Path db) throws Exception {
        StringBuilder script = new StringBuilder("BEGIN;\n");
        String previous = AuditChain.GENESIS;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, at, action, entity, payload FROM audit ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String hash = AuditChain.hash(null, previous, seq, rs.getString(2), rs.getString(3), rs.getString(4),
                        VisitJson.parse(rs.getString(5)));
                script.append("UPDATE audit SET prev_hash = '").append(previous).append("', hash = '").append(hash)
                        .append("' WHERE seq = ").append(seq).append(";\n");
                previous = hash;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        sql(db, script.append("COMMIT;").toString());
    }

    /** Renumbers the audit entries 1, 2, 3… in their order (after some were deleted). */
    static void renumberAudit(Path db) throws Exception {
        StringBuilder script = new StringBuilder("BEGIN; UPDATE audit SET seq = -seq;\n");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM audit ORDER BY seq")) {
            for (int next = 1; rs.next(); next++) {
                script.append("UPDATE audit SET seq = ").append(next).append(" WHERE seq = -").append(rs.getLong(1)).append(";\n");
            }
        }
        sql(db, script.append("COMMIT;").toString());
    }
}
