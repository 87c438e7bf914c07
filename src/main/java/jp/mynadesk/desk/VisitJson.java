package jp.mynadesk.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.format.Coded;

/**
 * A visit as JSON: the {@code check --json} contract (docs/DESK.md), the {@code visits --json} element (the same
 * plus {@code recheckState} and {@code terminal}), and the full form the store keeps, which reads back into the
 * same {@link Visit}.
 */
public final class VisitJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private VisitJson() {}

    /** Exactly the {@code check --json} document. */
    public static ObjectNode contract(Visit v) {
        ObjectNode o = F.objectNode();
        o.put("visitId", v.visitId());
        o.put("asOf", v.asOf().toString());
        o.put("route", v.route().code());
        o.put("outcome", v.outcome().code());
        o.set("reason", v.reason() == null ? NullNode.instance : reason(v.reason()));
        ArrayNode warnings = o.putArray("warnings");
        for (ReasonCode w : v.warnings()) {
            warnings.addObject().put("code", w.code()).put("message", StaffText.message(w));
        }
        o.set("qualification", v.qualification() == null ? NullNode.instance : qualification(v.qualification()));
        o.set("consent", v.consent() == null ? NullNode.instance : consent(v.consent()));
        o.set("decision", v.decision() == null ? NullNode.instance : v.decision());
        o.put("recheck", v.recheckState() == RecheckState.PENDING);
        o.put("simulated", v.simulated());
        o.set("card", v.card() == null ? NullNode.instance : card(v.card()));
        o.set("subsidy", v.subsidy() == null ? NullNode.instance : subsidy(v.subsidy()));
        return o;
    }

    /**
     * The answer to 「医療費助成の受給者証を利用しますか」: {@code {used, certificates: [{name, publicExpenseNumber,
     * beneficiaryNumber}]}} (docs/DESK.md "医療費助成の受給者証"); null when it was not asked.
     */
    public static ObjectNode subsidy(SubsidyRecord s) {
        ObjectNode o = F.objectNode();
        o.put("used", s.used());
        ArrayNode list = o.putArray("certificates");
        for (Subsidy x : s.certificates()) {
            list.addObject().put("name", x.name()).put("publicExpenseNumber", x.publicExpenseNumber())
                    .put("beneficiaryNumber", x.beneficiaryNumber());
        }
        return o;
    }

    /** Reads {@link #subsidy}; visits recorded before 医療費助成 was asked have none. */
    public static SubsidyRecord readSubsidy(JsonNode s) {
        if (!s.isObject()) {
            return null;
        }
        List<Subsidy> list = new ArrayList<>();
        for (JsonNode x : s.path("certificates")) {
            list.add(new Subsidy(text(x, "name"), text(x, "publicExpenseNumber"), text(x, "beneficiaryNumber")));
        }
        return new SubsidyRecord(s.path("used").asBoolean(), list);
    }

    /** How the card proved itself: {@code {verified, certificate, revocation, issuer}} (docs/DESK.md). */
    public static ObjectNode card(CardProof c) {
        ObjectNode o = F.objectNode();
        o.put("verified", c.verified().code());
        o.put("certificate", c.certificate().code());
        o.put("revocation", c.revocation().code());
        o.put("issuer", c.issuer());
        return o;
    }

    /** One element of {@code visits --json}. */
    public static ObjectNode listed(Visit v) {
        ObjectNode o = contract(v);
        o.put("recheckState", v.recheckState().code());
        o.put("terminal", v.terminal());
        return o;
    }

    /**
     * A visit's latest re-check finding, as {@code visits --json} adds it ({@code recheckFinding}): the kind, the
     * staff sentence and the qualification the service returned (the new insurer's numbers), or null.
     */
    public static ObjectNode finding(RecheckFinding f) {
        ObjectNode o = F.objectNode();
        o.put("kind", f.kind().code());
        o.put("message", StaffText.finding(f.kind()));
        o.set("found", f.found() == null ? NullNode.instance : qualification(f.found()));
        o.put("detail", f.detail());
        return o;
    }

    /** Everything the store keeps; {@link #read} turns it back into the same visit. */
    public static ObjectNode full(Visit v) {
        ObjectNode o = listed(v);
        o.set("patient", v.patient() == null ? NullNode.instance : patient(v.patient()));
        o.put("statedInsurance", v.statedInsurance());
        o.put("confirmedBy", v.confirmedBy());
        o.set("numbers", v.numbers() == null ? NullNode.instance : numbers(v.numbers()));
        return o;
    }

    public static ObjectNode reason(Reason r) {
        ObjectNode o = F.objectNode();
        o.put("code", r.code().code());
        o.put("message", StaffText.message(r));
        o.put("next", StaffText.next(r));
        if (r.reader() != null) {
            o.put("reader", r.reader().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (r.triesLeft() != null) {
            o.put("triesLeft", r.triesLeft());
        }
        return o;
    }

    public static ObjectNode qualification(Qualification q) {
        ObjectNode o = F.objectNode();
        o.put("validity", q.validity());
        o.put("insurerNumber", q.insurerNumber());
        o.put("insurerName", q.insurerName());
        o.put("symbol", q.symbol());
        o.put("number", q.number());
        o.put("branch", q.branch());
        o.put("name", q.name());
        o.put("birthDate", q.birthDate() == null ? null : q.birthDate().toString());
        if (q.ratio() == null) {
            o.putNull("ratio");
        } else {
            o.put("ratio", q.ratio());
        }
        o.put("limitClass", q.limitClass());
        return o;
    }

    private static ObjectNode consent(ConsentRecord c) {
        ObjectNode o = F.objectNode();
        o.put("registered", c.registered());
        o.put("availableUntil", c.availableUntil() == null ? null : c.availableUntil().toString());
        ObjectNode categories = o.putObject("categories");
        for (SharingCategory s : SharingCategory.values()) {
            Boolean answer = c.categories().get(s);
            if (answer != null) {
                categories.put(s.code(), answer);
            }
        }
        o.put("source", c.source().code());
        o.put("registeredAt", c.registeredAt() == null ? null : c.registeredAt().toString());
        o.put("revokedAt", c.revokedAt() == null ? null : c.revokedAt().toString());
        return o;
    }

    private static ObjectNode patient(Patient p) {
        ObjectNode o = F.objectNode();
        o.put("name", p.name());
        o.put("sex", p.sex());
        o.put("birthDate", p.birthDate() == null ? null : p.birthDate().toString());
        o.put("address", p.address());
        o.put("contact", p.contact());
        return o;
    }

    private static ObjectNode numbers(SearchNumbers n) {
        ObjectNode o = F.objectNode();
        o.put("insurerNumber", n.insurerNumber());
        o.put("symbol", n.symbol());
        o.put("number", n.number());
        o.put("branch", n.branch());
        o.put("birthDate", n.birthDate() == null ? null : n.birthDate().toString());
        return o;
    }

    /** Reads what {@link #full} wrote. */
    public static Visit read(JsonNode o) {
        List<ReasonCode> warnings = new ArrayList<>();
        for (JsonNode w : o.path("warnings")) {
            ReasonCode.fromCode(w.path("code").asText()).ifPresent(warnings::add);
        }
        JsonNode r = o.path("reason");
        Reason reason = r.isObject() ? readReason(r) : null;
        return new Visit(text(o, "visitId"), OffsetDateTime.parse(o.path("asOf").asText()), text(o, "terminal"),
                Route.fromCode(o.path("route").asText()), Outcome.fromCode(o.path("outcome").asText()), reason, warnings,
                readQualification(o.path("qualification")), readConsent(o.path("consent")),
                o.path("decision").isObject() ? o.get("decision") : null, readPatient(o.path("patient")),
                text(o, "statedInsurance"), text(o, "confirmedBy"), readNumbers(o.path("numbers")),
                RecheckState.fromCode(o.path("recheckState").asText("none")),
                // Visits recorded before mynadesk kept the mode were all made on the simulator's defaults.
                o.path("simulated").asBoolean(true), readCard(o.path("card")), readSubsidy(o.path("subsidy")));
    }

    /** The reason as stored; a sentence other than the catalogue's for its code is kept as the visit's own. */
    private static Reason readReason(JsonNode r) {
        String reader = text(r, "reader");
        Reason plain = new Reason(ReasonCode.fromCode(r.path("code").asText()).orElseThrow(
                () -> new IllegalArgumentException("unknown reason code " + r.path("code").asText())),
                r.hasNonNull("triesLeft") ? r.get("triesLeft").asInt() : null, null,
                reader == null ? null : jp.mynadesk.reader.PcscProblem.valueOf(
                        reader.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        String stored = text(r, "message");
        return stored == null || stored.equals(StaffText.message(plain)) ? plain
                : new Reason(plain.code(), plain.triesLeft(), stored, plain.reader());
    }

    /** Reads {@link #card}; visits recorded before the card's proof was kept have none. */
    public static CardProof readCard(JsonNode c) {
        if (!c.isObject()) {
            return null;
        }
        return new CardProof(Coded.of(CardProof.Verified.values(), c.path("verified").asText(), "card.verified"),
                Coded.of(CardProof.Certificate.values(), c.path("certificate").asText(), "card.certificate"),
                Coded.of(CardProof.Revocation.values(), c.path("revocation").asText(), "card.revocation"),
                text(c, "issuer"));
    }

    public static Qualification readQualification(JsonNode q) {
        if (!q.isObject()) {
            return null;
        }
        return new Qualification(q.path("validity").asInt(), text(q, "insurerNumber"), text(q, "insurerName"),
                text(q, "symbol"), text(q, "number"), text(q, "branch"), text(q, "name"), date(q, "birthDate"),
                q.hasNonNull("ratio") ? q.get("ratio").asInt() : null, text(q, "limitClass"));
    }

    private static ConsentRecord readConsent(JsonNode c) {
        if (!c.isObject()) {
            return null;
        }
        Map<SharingCategory, Boolean> categories = new EnumMap<>(SharingCategory.class);
        c.path("categories").fields().forEachRemaining(e ->
                SharingCategory.fromCode(e.getKey()).ifPresent(s -> categories.put(s, e.getValue().asBoolean())));
        return new ConsentRecord(c.path("registered").asBoolean(), ConsentSource.fromCode(c.path("source").asText("card-screen")),
                time(c, "registeredAt"), time(c, "availableUntil"), categories, time(c, "revokedAt"));
    }

    private static Patient readPatient(JsonNode p) {
        return p.isObject() ? new Patient(text(p, "name"), text(p, "sex"), date(p, "birthDate"), text(p, "address"),
                text(p, "contact")) : null;
    }

    private static SearchNumbers readNumbers(JsonNode n) {
        return n.isObject() ? new SearchNumbers(text(n, "insurerNumber"), text(n, "symbol"), text(n, "number"),
                text(n, "branch"), date(n, "birthDate")) : null;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode o, String field) {
        String t = text(o, field);
        return t == null ? null : LocalDate.parse(t);
    }

    private static OffsetDateTime time(JsonNode o, String field) {
        String t = text(o, field);
        return t == null ? null : OffsetDateTime.parse(t);
    }

    /** Compact JSON text of a node (for the store and the audit chain). */
    public static String text(JsonNode node) {
        return JsonText.compact(node);
    }

    /** Parses JSON text the store wrote. */
    public static JsonNode parse(String text) {
        try {
            return JsonText.read(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException(StoreException.Kind.CORRUPT, StaffText.recordUnreadable(), e);
        }
    }
}
