package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import jp.mynadesk.desk.CheckStep;
import jp.mynadesk.desk.ConsentRecord;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RatioGuide;
import jp.mynadesk.desk.ReasonCode;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitJson;

/**
 * What each page is told about the check, as JSON. The staff page gets the reason, the next step and the
 * insurance; the patient page gets only what the patient acts on (PIN tries, consent questions, the end).
 * Neither ever carries a PIN: the workflow never hands one back.
 */
final class DeskView {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DeskView() {}

    static String phase(Prompt p) {
        if (p instanceof Prompt.AwaitingPin) {
            return "pin";
        } else if (p instanceof Prompt.AwaitingVisual) {
            return "visual";
        } else if (p instanceof Prompt.AwaitingConsent) {
            return "consent";
        } else if (p instanceof Prompt.AwaitingDocuments) {
            return "documents";
        } else if (p instanceof Prompt.AwaitingDeclaration) {
            return "declaration";
        } else if (p instanceof Prompt.AwaitingRecord) {
            return "record";
        } else if (p instanceof Prompt.Done) {
            return "done";
        } else if (p == null || p instanceof Prompt.AwaitingStart) {
            return "idle";
        }
        throw new IllegalStateException("prompt not handled: " + p);
    }

    static ObjectNode staff(Prompt p, boolean busy) {
        ObjectNode o = F.objectNode();
        o.put("phase", phase(p));
        o.put("busy", busy);
        o.set("reason", p.reason() == null ? F.nullNode() : VisitJson.reason(p.reason()));
        if (p instanceof Prompt.AwaitingPin pin) {
            o.put("triesLeft", pin.triesLeft());
            o.set("warnings", warnings(pin.warnings()));
        } else if (p instanceof Prompt.AwaitingConsent consent) {
            o.set("warnings", warnings(consent.warnings()));
            o.set("qualification", qualification(consent.qualification()));
            o.put("outcomeText", StaffText.outcome(Outcome.CONFIRMED));
            o.putObject("consent").put("pending", true).put("text", StaffText.consentBeingAnswered());
            if (consent.asksSubsidy()) {
                o.set("subsidyLines", F.arrayNode().add(StaffText.subsidyOffered(consent.subsidies())));
            }
        } else if (p instanceof Prompt.AwaitingDocuments docs) {
            o.put("serviceAvailable", docs.serviceAvailable());
        } else if (p instanceof Prompt.AwaitingRecord waiting) {
            // the decision on screen, as for a recorded one, without a number: staff can go on with the patient
            Visit v = waiting.visit();
            o.put("problem", waiting.problem());
            o.put("outcome", v.outcome().code());
            o.put("outcomeText", StaffText.outcome(v.outcome()));
            result(o, v);
        } else if (p instanceof Prompt.Done done) {
            Visit v = done.visit();
            o.set("visit", VisitJson.listed(v));
            o.set("warnings", warnings(v.warnings()));
            o.put("outcome", v.outcome().code());
            o.put("outcomeText", StaffText.outcome(v.outcome()));
            o.put("recordedText", StaffText.recorded(v.visitId()));
            o.put("recheckText", StaffText.recheckState(v.recheckState()));
            result(o, v);
        }
        return o;
    }

    /** What a decided visit shows, recorded or waiting for the record: route, insurance, consent, the decision. */
    private static void result(ObjectNode o, Visit v) {
        o.put("routeText", routeText(v));
        ObjectNode q = v.qualification() == null ? null : qualification(v.qualification());
        if (q != null) {
            q.put("ratioGuide", ratioGuide(v));
        }
        o.set("qualification", q == null ? F.nullNode() : q);
        o.put("patientName", name(v));
        o.set("consent", consent(v));
        ArrayNode subsidyLines = o.putArray("subsidyLines");
        if (v.subsidy() != null) {
            StaffText.subsidyLines(v.subsidy()).forEach(subsidyLines::add);
        }
        String decision = v.decision() == null ? null : v.decision().path("message").asText(null);
        o.put("decisionText", decision);
    }

    /**
     * The route as it happened: documents refused by the rules while the service was up were never queried, so the
     * label does not claim an online query (docs/DESK.md, routes).
     */
    static String routeText(Visit v) {
        if (v.route() == Route.NUMBERS_ONLINE && v.decision() != null && "reject".equals(v.decision().path("decision").asText())) {
            return StaffText.routeDocumentsNotQueried();
        }
        return StaffText.route(v.route());
    }

    /** Whom the visit is about: the service's name, else the one the patient gave (documents, 申立書). */
    static String name(Visit v) {
        if (v.qualification() != null && v.qualification().name() != null) {
            return v.qualification().name();
        }
        return v.patient() == null ? null : v.patient().name();
    }

    /** The consent answers as recorded (each category, and whether the service registered them), or null. */
    static JsonNode consent(Visit v) {
        ConsentRecord c = v.consent();
        if (c == null) {
            boolean card = v.route() == Route.CARD_PIN || v.route() == Route.CARD_VISUAL;
            return card && v.outcome() == Outcome.CONFIRMED
                    ? F.objectNode().put("answered", false).put("text", StaffText.consentNotAnswered()) : F.nullNode();
        }
        ObjectNode o = F.objectNode();
        o.put("answered", true);
        o.put("registered", c.registered());
        o.put("text", c.registered() ? StaffText.consentRegistered(c.availableUntil()) : StaffText.consentNotRegistered());
        ArrayNode items = o.putArray("items");
        for (SharingCategory s : SharingCategory.values()) {
            Boolean yes = c.categories().get(s);
            items.addObject().put("category", s.code()).put("label", StaffText.category(s))
                    .put("text", StaffText.consentAnswer(yes));
        }
        return o;
    }

    static ObjectNode step(CheckStep s) {
        return F.objectNode().put("step", s.code()).put("text", StaffText.step(s));
    }

    /**
     * The patient's view: what to do now, nothing about staff's next steps or the insurance.
     *
     * @param institution the 医療機関コード, which says whether the questions name 当院 or 当薬局
     */
    static ObjectNode patient(Prompt p, boolean busy, String institution) {
        ObjectNode o = F.objectNode();
        String phase = phase(p);
        o.put("busy", busy);
        if (p instanceof Prompt.AwaitingPin pin) {
            o.put("phase", "pin");
            o.put("prompt", StaffText.pinPrompt(pin.triesLeft()));
            o.put("triesLeft", pin.triesLeft());
            ArrayNode notices = o.putArray("notices");
            if (pin.reason() != null) {
                notices.add(StaffText.patientNotice(pin.reason().code()));
            }
            if (pin.warnings().contains(ReasonCode.PIN_LAST_TRY)) {
                notices.add(StaffText.patientNotice(ReasonCode.PIN_LAST_TRY));
            }
        } else if (p instanceof Prompt.AwaitingConsent asked) {
            o.put("phase", "consent");
            ArrayNode qs = o.putArray("questions");
            for (SharingCategory c : SharingCategory.values()) {
                qs.addObject().put("category", c.code()).put("label", StaffText.category(c))
                        .put("question", StaffText.consentQuestion(c, institution));
            }
            if (asked.asksSubsidy()) {
                // PMH: the reader's own question, with its own choices (the numbers are for staff, not shown here)
                ObjectNode q = qs.addObject().put("category", ConsentBody.SUBSIDY).put("label", StaffText.subsidyQuestion())
                        .put("question", StaffText.subsidyQuestion(asked.subsidies()));
                q.putArray("choices").add(F.arrayNode().add("yes").add(StaffText.subsidyChoice(true)))
                        .add(F.arrayNode().add("no").add(StaffText.subsidyChoice(false)));
            }
            if (asked.reason() != null) {
                o.putArray("notices").add(StaffText.message(asked.reason()));
            }
        } else if (p instanceof Prompt.Done done) {
            Outcome out = done.visit().outcome();
            boolean accepted = out == Outcome.CONFIRMED || out == Outcome.PROVISIONAL || out == Outcome.DECLARED;
            o.put("phase", "done");
            o.put("accepted", accepted);
            o.put("text", accepted ? StaffText.patientDone() : StaffText.patientSeeStaff());
        } else if (phase.equals("idle")) {
            o.put("phase", "idle");
        } else {
            // 目視, documents, 申立書: staff take it from here.
            o.put("phase", "staff");
            o.put("text", p.reason() == null ? StaffText.patientSeeStaff() : StaffText.patientNotice(p.reason().code()));
        }
        return o;
    }

    static ObjectNode qualification(Qualification q) {
        ObjectNode o = VisitJson.qualification(q);
        o.put("ratioText", StaffText.ratio(q.ratio()));
        // staff read the class (区分ウ), never the service's code (A03)
        o.put("limitClassLabel", StaffText.limitClass(q.limitClass()));
        return o;
    }

    /**
     * A document or 申立書 visit has no 負担割合 from the service: the rule-based guidance by age and scheme, with its
     * basis (the re-check brings the real one). Null where the ratio is known or the visit was not accepted.
     */
    static String ratioGuide(Visit v) {
        Qualification q = v.qualification();
        if (q == null || q.ratio() != null || v.outcome() == Outcome.REJECTED || v.outcome() == Outcome.STOPPED) {
            return null;
        }
        return RatioGuide.of(q.birthDate() != null ? q.birthDate() : v.patient() == null ? null : v.patient().birthDate(),
                q.insurerNumber(), v.asOf().toLocalDate());
    }

    private static ArrayNode warnings(List<ReasonCode> codes) {
        ArrayNode a = F.arrayNode();
        for (ReasonCode w : codes) {
            a.addObject().put("code", w.code()).put("message", StaffText.message(w)).put("next", StaffText.next(w));
        }
        return a;
    }
}
