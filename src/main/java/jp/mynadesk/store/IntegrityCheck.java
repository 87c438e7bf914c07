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
 * {@code db verify}: the database's own check, then the audit chain entry by entry (plain SHA-256 before the seal,
 * HMAC under the installation's key from it on), then every visit and re-check run against the last audit entry
 * that wrote it, then the chain against this desk's checkpoints outside the record ({@link Anchor}): a record
 * shorter than a checkpoint lost committed entries, a checkpoint whose entry has another hash was rewritten. Runs
 * in one read transaction, so desks may keep recording.
 */
final class IntegrityCheck {
    private final Connection c;
    private final Dialect dialect;
    private final Sealing.Row seal;
    private final AuditKey key;
    private final Anchor anchor;
    private long unkeyed;
    private long anchored;

    /**
     * @param seal   the record's seal row; null: the whole chain is plain (a record not sealed yet)
     * @param key    the key for the entries from the seal on (null only when {@code seal} is)
     * @param anchor this desk's checkpoints (null: none kept)
     */
    IntegrityCheck(Connection c, Dialect dialect, Sealing.Row seal, AuditKey key, Anchor anchor) {
        this.c = c;
        this.dialect = dialect;
        this.seal = seal;
        this.key = key;
        this.anchor = anchor;
    }

    IntegrityReport run() throws SQLException {
        int visits = count("visits");
        int entries = count("audit");
        unkeyed = seal == null ? entries : Math.min(entries, seal.keyedFrom() - 1);
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
                boolean keyed = seal != null && e.seq() >= seal.keyedFrom();
                if (seal != null && e.seq() == seal.keyedFrom() && !previous.equals(seal.headBefore())) {
                    return broken(visits, entries, "監査記録 #" + (e.seq() - 1) + " までが、鍵付きにした時点の記録と一致しません"
                            + "（鍵付きにする前の記録の書き換え）");
                }
                if (!AuditKey.same(e.expectedHash(previous, keyed ? key : null), e.hash())) {
                    return broken(visits, entries, "監査記録 #" + e.seq() + " の内容がハッシュと一致しません（書き換え"
                            + (keyed ? "。鍵付きのハッシュは鍵がなければ作り直せません" : "") + "）");
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
        if (seal != null && entries < seal.keyedFrom() - 1) {
            return broken(visits, entries, "監査記録が " + entries + " 件しかありません（鍵付きにした時点で " + (seal.keyedFrom() - 1)
                    + " 件ありました。記録が失われたか、古いバックアップに戻されています）");
        }
        String runProblem = compareRuns(expectedRuns, runEntry);
        if (runProblem != null) {
            return broken(visits, entries, runProblem);
        }
        // last: a chain that is whole in itself may still be shorter than it was, or not the chain it was
        String outside = compareAnchor(entries);
        return outside == null ? new IntegrityReport(true, visits, entries, null, unkeyed, anchored)
                : broken(visits, entries, outside);
    }

    /**
     * The chain against every checkpoint outside the record: each must name an entry that is there, with that hash.
     * Null when they agree.
     */
    private String compareAnchor(int entries) throws SQLException {
        if (anchor == null) {
            return null;
        }
        List<Anchor.Checkpoint> checkpoints;
        try {
            checkpoints = anchor.all();
        } catch (java.io.IOException e) {
            return "記録の外の控え（" + anchor.file() + "）を読めません: " + e.getMessage();
        }
        Map<Long, String> hashes = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit")) {
            while (rs.next()) {
                hashes.put(rs.getLong(1), rs.getString(2));
            }
        }
        long most = 0;
        for (Anchor.Checkpoint p : checkpoints) {
            most = Math.max(most, p.seq());
        }
        anchored = most;
        if (most > entries) {
            return lost(entries, most);
        }
        for (Anchor.Checkpoint p : checkpoints) {
            String there = hashes.get(p.seq());
            if (there == null) {
                return "監査記録 #" + p.seq() + " がありません（記録の外の控え（" + anchor.file().getFileName() + "）にはあります）";
            }
            if (!there.equals(p.hash())) {
                return "監査記録 #" + p.seq() + " が記録の外の控え（" + anchor.file().getFileName() + "）と一致しません"
                        + "（プログラムの外で書き換えられています）";
            }
        }
        return null;
    }

    private String lost(int entries, long most) {
        return "記録が短くなっています: 監査記録は " + entries + " 件ですが、記録の外の控え（" + anchor.file().getFileName()
                + "）には #" + most + " まであります（記録済みの受付が失われたか、古いバックアップに戻されています）";
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
        return count(c, table);
    }

    static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private IntegrityReport broken(int visits, int entries, String why) {
        return new IntegrityReport(false, visits, entries, why, unkeyed, anchored);
    }
}
