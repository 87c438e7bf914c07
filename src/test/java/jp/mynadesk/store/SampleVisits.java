package jp.mynadesk.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.desk.ConsentRecord;
import jp.mynadesk.desk.ConsentSource;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.Patient;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.Reason;
import jp.mynadesk.desk.ReasonCode;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.Visit;

/** Visits as the workflow would hand them to the store: every route and outcome, with and without the extras. */
public final class SampleVisits {
    public static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-12-01T09:30:00+09:00");

    private SampleVisits() {}

    public static Qualification qualification(int n) {
        return new Qualification(1, "01130012", "協会けんぽ東京", "12345678", String.valueOf(n), "00", "協会 太郎",
                LocalDate.of(1989, 5, 10), 30, n % 2 == 0 ? "A03" : null);
    }

    public static ConsentRecord consent(OffsetDateTime at, ConsentSource source) {
        Map<SharingCategory, Boolean> answers = new EnumMap<>(SharingCategory.class);
        answers.put(SharingCategory.DIAGNOSIS, true);
        answers.put(SharingCategory.DRUG, true);
        answers.put(SharingCategory.CHECKUP, false);
        answers.put(SharingCategory.SURGERY, true);
        return new ConsentRecord(true, source, at, at.plusHours(24), answers, null);
    }

    public static Patient patient(int n) {
        return new Patient("申立 花子" + n, "female", LocalDate.of(1975, 3, 14), "東京都千代田区霞が関1-2-" + n,
                "03-5253-11" + String.format("%02d", n % 100));
    }

    /** One visit per route × outcome combination a desk produces, at successive minutes. */
    public static List<Visit> everyKind() {
        List<Visit> visits = new ArrayList<>();
        OffsetDateTime t = MORNING;
        visits.add(visit(t, Route.CARD_PIN, Outcome.CONFIRMED, null, List.of(ReasonCode.CERTIFICATE_EXPIRING),
                qualification(1), consent(t, ConsentSource.CARD_SCREEN), null, null, null, null, RecheckState.NONE));
        visits.add(visit(t = t.plusMinutes(1), Route.CARD_PIN, Outcome.STOPPED, new Reason(ReasonCode.WRONG_PIN, 2),
                List.of(), null, null, null, null, null, null, RecheckState.NONE));
        visits.add(visit(t = t.plusMinutes(1), Route.CARD_VISUAL, Outcome.CONFIRMED, null, List.of(),
                qualification(3), null, null, null, "STAFF-07", null, RecheckState.NONE));
        visits.add(visit(t = t.plusMinutes(1), Route.NUMBERS_ONLINE, Outcome.CONFIRMED, null, List.of(),
                qualification(4), consent(t, ConsentSource.ORAL), null, null, null, qualification(4).numbers(),
                RecheckState.NONE));
        visits.add(visit(t = t.plusMinutes(1), Route.NUMBERS_ONLINE, Outcome.REJECTED,
                Reason.of(ReasonCode.QUALIFICATION_LOST), List.of(), null, null, null, null, null,
                qualification(5).numbers(), RecheckState.NONE));
        visits.add(visit(t = t.plusMinutes(1), Route.DOCUMENT_OFFLINE, Outcome.PROVISIONAL,
                Reason.of(ReasonCode.SERVICE_OFFLINE), List.of(), qualification(6), null, patient(6), null, null,
                qualification(6).numbers(), RecheckState.PENDING));
        visits.add(visit(t = t.plusMinutes(1), Route.DECLARATION, Outcome.DECLARED, null, List.of(), null, null,
                patient(7), "国民健康保険（千代田区）、記号番号不明", null, null, RecheckState.PENDING));
        visits.add(visit(t = t.plusMinutes(1), Route.CARD_PIN, Outcome.STOPPED, Reason.of(ReasonCode.CANCELLED),
                List.of(), null, null, null, null, null, null, RecheckState.NONE));
        return visits;
    }

    static Visit visit(OffsetDateTime asOf, Route route, Outcome outcome, Reason reason, List<ReasonCode> warnings,
                       Qualification q, ConsentRecord consent, Patient patient, String stated, String staff,
                       jp.mynadesk.desk.SearchNumbers numbers, RecheckState state) {
        ObjectNode decision = route == Route.DOCUMENT_OFFLINE || route == Route.DECLARATION
                ? JsonNodeFactory.instance.objectNode().put("claim", route == Route.DECLARATION ? "declared" : "normal")
                : null;
        return new Visit(null, asOf, "DESK-01", route, outcome, reason, warnings, q, consent, decision, patient, stated,
                staff, numbers, state);
    }

    /** A plain confirmed card visit; {@code n} makes it distinguishable (crash test markers). */
    public static Visit numbered(int n, OffsetDateTime asOf) {
        return numbered(n, asOf, "DESK-01");
    }

    public static Visit numbered(int n, OffsetDateTime asOf, String terminal) {
        return new Visit(null, asOf, terminal, Route.CARD_PIN, Outcome.CONFIRMED, null, List.of(), qualification(n),
                consent(asOf, ConsentSource.CARD_SCREEN), null, patient(n), null, "marker-" + n, null, RecheckState.NONE);
    }
}
