package jp.mynadesk.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import jp.mynadesk.format.JsonText;

/**
 * The output of {@code docs check --json} (docs/RULES.md §4), field for field, plus a few documented extras. The
 * staff {@code message} and the words for each bad-format field are the caller's, from the desk's catalogue
 * (desk/StaffText): the rules return codes only.
 */
public final class DecisionJson {
    private DecisionJson() {}

    public static ObjectNode write(FallbackDecision d, String message, Function<EntryNote, String> words) {
        ObjectNode n = JsonText.object();
        n.put("decision", d.decision().code());
        n.put("basis", d.basis() == null ? null : d.basis().code());
        n.put("acceptedDocument", d.acceptedDocument());
        if (d.insurance() == null) {
            n.putNull("insurance");
        } else {
            ObjectNode ins = n.putObject("insurance");
            ins.put("insurerNumber", d.insurance().insurerNumber());
            ins.put("symbol", d.insurance().symbol());
            ins.put("number", d.insurance().number());
            ins.put("branch", d.insurance().branch());
        }
        n.put("claim", d.claim() == null ? null : d.claim().code());
        n.put("recheck", d.recheck());
        n.put("onlineQuery", d.onlineQuery());
        ObjectNode card = n.putObject("card");
        card.put("usable", d.card().usable());
        reasons(card.putArray("reasons"), d.card().reasons());
        card.put("presented", d.card().presented());
        if (d.card().graceUntil() != null) {
            card.put("graceUntil", d.card().graceUntil().toString());
            card.put("inGrace", d.card().inGrace());
            card.put("renewalDue", d.card().renewalDue());
        }
        ArrayNode docs = n.putArray("documents");
        for (DocumentJudgement j : d.documents()) {
            ObjectNode o = docs.addObject();
            o.put("index", j.index());
            o.put("usable", j.usable());
            reasons(o.putArray("reasons"), j.reasons());
            if (j.basis() == Basis.INTERIM_ONLINE) {
                o.put("interim", true);
            }
            if (j.reasons().contains(Reason.BAD_FORMAT)) {
                ArrayNode problems = o.putArray("problems");
                for (FormatProblems.Problem p : FormatProblems.of(j.document())) {
                    problems.addObject().put("field", "documents[" + j.index() + "]." + p.field()).put("message", words.apply(p.note()));
                }
            }
        }
        n.put("message", message);
        n.put("asOf", d.asOf().toString());
        if (d.decision() == Decision.ACCEPT_WITH_DECLARATION && d.insuranceFromDocument() != null) {
            n.put("insuranceFromDocument", d.insuranceFromDocument());
        }
        return n;
    }

    private static void reasons(ArrayNode a, java.util.List<Reason> reasons) {
        reasons.forEach(r -> a.add(r.code()));
    }

    public static String text(FallbackDecision d, String message, Function<EntryNote, String> words) {
        return JsonText.pretty(write(d, message, words));
    }
}
