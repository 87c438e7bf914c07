package jp.mynadesk.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A re-check run as the {@code recheck --json} contract (docs/DESK.md). */
public final class RecheckJson {
    private RecheckJson() {}

    public static ObjectNode contract(RecheckRun run) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("checked", run.findings().size());
        o.put("confirmed", run.count(RecheckFinding.Kind.CONFIRMED));
        ArrayNode discrepancies = o.putArray("discrepancies");
        for (RecheckFinding f : run.findings()) {
            if (f.kind().settles() == RecheckState.DISCREPANCY) {
                ObjectNode d = discrepancies.addObject();
                d.put("visitId", f.visitId());
                d.put("kind", f.kind().code());
                d.put("message", StaffText.finding(f.kind()));
                d.set("found", f.found() == null ? NullNode.instance : VisitJson.qualification(f.found()));
            }
        }
        o.put("unanswered", run.count(RecheckFinding.Kind.UNANSWERED));
        return o;
    }
}
