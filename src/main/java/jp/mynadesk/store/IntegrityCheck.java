package jp.mynadesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitJson;

/**
 * {@code db verify}: the database's own check, then the audit chain entry by entry, then every visit and re-check
 * run against the last audit entry that wrote it. Runs in one read transaction, so desks may keep recording.
 * Limit: removing the newest entries together with what they wrote cannot be told from a shorter day without an
 * outside copy of the last hash (a backup is one).
 */
final class IntegrityCheck {
    private final Connection c;
    private final Dialect dialect;

    IntegrityCheck(Connection c, Dialect dialect) {
        this.c = c;
        this.dialect = dialect;
    }

    IntegrityReport run() throws SQLException {
        int visits = count("visits");
        int entries = count("audit");
        List<String> engine = dialect.integrityProblems(c);
        if (!engine.isEmpty()) {
            return broken(visits, entries, "データベースの整合性検査（" + dialect.engine() + "）: " + engine.get(0));
        }
        Map<String, VisitRows.Image> expectedVisits = new LinkedHashMap<>();
        Map<String, Long> visitEntry = new HashMap<>();
        Map<Long, String> expectedRuns = new LinkedHashMap<>();
        Map<Long, Long> runEntry = new HashMap<>();
        long expectedSeq = 1;
        String previous = AuditChain.GENESIS;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq, at, action, entity, payload, prev_hash, hash FROM audit ORDER BY seq")) {
            while (rs.next()) {
                AuditChain.Entry e = new AuditChain.Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                if (e.seq() != expectedSeq) {
                    return broken(visits, entries, "監査記録 #" + expectedSeq + " がありません（削除または並べ替え。次は #"
                            + e.seq() + "）");
                }
                if (!e.prevHash().equals(previous)) {
                    return broken(visits, entries, "監査記録 #" + e.seq() + " が前の記録とつながっていません（削除・並べ替え・書き換え）");
                }
                if (!e.expectedHash(previous).equals(e.hash())) {
                    return broken(visits, entries, "監査記録 #" + e.seq() + " の内容がハッシュと一致しません（書き換え）");
                }
                JsonNode payload = VisitJson.parse(e.payload());
                if (payload.has("visit")) {
                    JsonNode full = payload.get("visit");
                    Visit v = VisitJson.read(full);
                    if (!Objects.equals(v.visitId(), e.entity())) {
                        return broken(visits, entries, "監査記録 #" + e.seq() + " の受付番号が記録の対象と違います");
                    }
                    expectedVisits.put(v.visitId(), VisitRows.image(v, full));
                    visitEntry.put(v.visitId(), e.seq());
                } else if (payload.has("run")) {
                    long id = payload.get("run").get("id").asLong();
                    expectedRuns.put(id, Canonical.text(payload.get("run")));
                    runEntry.put(id, e.seq());
                }
                previous = e.hash();
                expectedSeq++;
            }
        }
        String visitProblem = compareVisits(expectedVisits, visitEntry);
        if (visitProblem != null) {
            return broken(visits, entries, visitProblem);
        }
        String runProblem = compareRuns(expectedRuns, runEntry);
        return runProblem == null ? new IntegrityReport(true, visits, entries, null) : broken(visits, entries, runProblem);
    }

    private String compareVisits(Map<String, VisitRows.Image> expected, Map<String, Long> entryOf) throws SQLException {
        Map<String, VisitRows.Image> stored = VisitRows.loadAll(c);
        for (VisitRows.Image actual : stored.values()) {
            VisitRows.Image want = expected.get(actual.id());
            if (want == null) {
                return "受付 " + actual.id() + " は監査記録にありません（プログラムの外で追加・変更）";
            }
            if (!want.equals(actual)) {
                return "受付 " + actual.id() + " が監査記録 #" + entryOf.get(actual.id()) + " と一致しません（"
                        + difference(want, actual) + "が書き換えられています）";
            }
        }
        for (String id : expected.keySet()) {
            if (!stored.containsKey(id)) {
                return "受付 " + id + " がありません（監査記録 #" + entryOf.get(id) + " にはあります。削除されています）";
            }
        }
        return null;
    }

    private static String difference(VisitRows.Image want, VisitRows.Image actual) {
        if (!Objects.equals(want.visit(), actual.visit())) {
            return "受付の行";
        }
        return Objects.equals(want.consent(), actual.consent()) ? "申立・本人情報" : "同意";
    }

    private String compareRuns(Map<Long, String> expected, Map<Long, Long> entryOf) throws SQLException {
        Map<Long, ObjectNode> stored = RecheckRows.loadAll(c);
        for (Map.Entry<Long, ObjectNode> actual : stored.entrySet()) {
            String want = expected.get(actual.getKey());
            if (want == null) {
                return "再照会 " + RecheckRows.entity(actual.getKey()) + " は監査記録にありません";
            }
            if (!want.equals(Canonical.text(actual.getValue()))) {
                return "再照会 " + RecheckRows.entity(actual.getKey()) + " が監査記録 #" + entryOf.get(actual.getKey())
                        + " と一致しません（書き換え）";
            }
        }
        for (Long id : expected.keySet()) {
            if (!stored.containsKey(id)) {
                return "再照会 " + RecheckRows.entity(id) + " がありません（削除されています）";
            }
        }
        return null;
    }

    private int count(String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static IntegrityReport broken(int visits, int entries, String why) {
        return new IntegrityReport(false, visits, entries, why);
    }
}
