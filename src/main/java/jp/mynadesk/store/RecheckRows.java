package jp.mynadesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.VisitJson;

/**
 * A re-check run as rows (recheck_runs, recheck_findings) and as the JSON its audit entry carries. The JSON has
 * exactly the rows' content, so verify rebuilds it from the tables and compares.
 */
final class RecheckRows {
    private RecheckRows() {}

    static String entity(long runId) {
        return "run-" + runId;
    }

    /** The run's rows as JSON; findings in visit id order (the table's key order). */
    static ObjectNode image(long runId, RecheckRun run) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", runId);
        o.put("startedAt", run.startedAt().toString());
        o.put("finishedAt", run.finishedAt().toString());
        long confirmed = run.count(RecheckFinding.Kind.CONFIRMED);
        long unanswered = run.count(RecheckFinding.Kind.UNANSWERED);
        o.put("checked", run.findings().size());
        o.put("confirmed", confirmed);
        o.put("discrepancies", run.findings().size() - confirmed - unanswered);
        o.put("unanswered", unanswered);
        ArrayNode findings = o.putArray("findings");
        run.findings().stream().sorted(Comparator.comparing(RecheckFinding::visitId)).forEach(f -> {
            ObjectNode n = findings.addObject();
            n.put("visitId", f.visitId());
            n.put("kind", f.kind().code());
            n.put("found", f.found() == null ? null : Canonical.text(VisitJson.qualification(f.found())));
            n.put("detail", f.detail());
        });
        return o;
    }

    static void insert(Connection c, JsonNode image) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO recheck_runs (id, started_at, finished_at, checked, "
                + "confirmed, discrepancies, unanswered) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, image.get("id").asLong());
            p.setString(2, image.get("startedAt").asText());
            p.setString(3, image.get("finishedAt").asText());
            p.setInt(4, image.get("checked").asInt());
            p.setInt(5, image.get("confirmed").asInt());
            p.setInt(6, image.get("discrepancies").asInt());
            p.setInt(7, image.get("unanswered").asInt());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO recheck_findings (run_id, visit_id, kind, found, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (JsonNode f : image.get("findings")) {
                p.setLong(1, image.get("id").asLong());
                p.setString(2, f.get("visitId").asText());
                p.setString(3, f.get("kind").asText());
                p.setString(4, textOrNull(f.get("found")));
                p.setString(5, textOrNull(f.get("detail")));
                p.executeUpdate();
            }
        }
    }

    /** Every stored run as its JSON image, by run id (verify). */
    static Map<Long, ObjectNode> loadAll(Connection c) throws SQLException {
        Map<Long, ObjectNode> runs = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, started_at, finished_at, "
                + "checked, confirmed, discrepancies, unanswered FROM recheck_runs ORDER BY id")) {
            while (rs.next()) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("id", rs.getLong(1));
                o.put("startedAt", rs.getString(2));
                o.put("finishedAt", rs.getString(3));
                o.put("checked", rs.getInt(4));
                o.put("confirmed", rs.getInt(5));
                o.put("discrepancies", rs.getInt(6));
                o.put("unanswered", rs.getInt(7));
                o.putArray("findings");
                runs.put(rs.getLong(1), o);
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT run_id, visit_id, kind, found, detail FROM recheck_findings ORDER BY run_id, visit_id")) {
            while (rs.next()) {
                ObjectNode run = runs.computeIfAbsent(rs.getLong(1), id -> {
                    ObjectNode orphan = JsonNodeFactory.instance.objectNode();
                    orphan.put("id", id);
                    orphan.putArray("findings");
                    return orphan;
                });
                ObjectNode n = ((ArrayNode) run.get("findings")).addObject();
                n.put("visitId", rs.getString(2));
                n.put("kind", rs.getString(3));
                n.put("found", rs.getString(4));
                n.put("detail", rs.getString(5));
            }
        }
        return runs;
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n instanceof NullNode ? null : n.asText();
    }
}
