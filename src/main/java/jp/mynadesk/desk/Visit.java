package jp.mynadesk.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One check as recorded: every check ends as exactly one visit, whatever its outcome.
 *
 * @param visitId         {@code yyyy-MM-dd-NNNN}, given by the store when it commits the visit; null before that
 * @param reason          why it ended so (null for a plain confirmation)
 * @param warnings        things staff should tell the patient although the check went on
 * @param qualification   the insurance the visit is billed to, or null
 * @param consent         the information-sharing answers, or null when none were asked
 * @param decision        the document rules' decision ({@code docs check} JSON) for offline and declaration routes
 * @param patient         identity captured for provisional and declared visits (for the re-check), or null
 * @param statedInsurance what the patient declared on a 被保険者資格申立書, or null
 * @param confirmedBy     the staff member who compared the face (visual route), or null
 * @param numbers         what a re-check queries by, or null
 * @param simulated       made in simulation (a virtual card or the mock service, docs/CLINIC.md), not at a real
 *                        reader against a real service; visits recorded before mynadesk kept this read as true
 * @param card            how the card proved itself (docs/DESK.md "The card's proof"), or null when no certificate was read
 * @param subsidy         the answer to 「医療費助成の受給者証を利用しますか」 and the 受給者証 kept, or null when not asked
 */
public record Visit(String visitId, OffsetDateTime asOf, String terminal, Route route, Outcome outcome, Reason reason,
                    List<ReasonCode> warnings, Qualification qualification, ConsentRecord consent, JsonNode decision,
                    Patient patient, String statedInsurance, String confirmedBy, SearchNumbers numbers,
                    RecheckState recheckState, boolean simulated, CardProof card, SubsidyRecord subsidy) {
    public Visit {
        warnings = List.copyOf(warnings);
    }

    /** A visit where 医療費助成 was not asked. */
    public Visit(String visitId, OffsetDateTime asOf, String terminal, Route route, Outcome outcome, Reason reason,
                 List<ReasonCode> warnings, Qualification qualification, ConsentRecord consent, JsonNode decision,
                 Patient patient, String statedInsurance, String confirmedBy, SearchNumbers numbers,
                 RecheckState recheckState, boolean simulated, CardProof card) {
        this(visitId, asOf, terminal, route, outcome, reason, warnings, qualification, consent, decision, patient,
                statedInsurance, confirmedBy, numbers, recheckState, simulated, card, null);
    }

    /** A visit of the simulator's own making (tests, benchmarks): simulated, no card's proof. */
    public Visit(String visitId, OffsetDateTime asOf, String terminal, Route route, Outcome outcome, Reason reason,
                 List<ReasonCode> warnings, Qualification qualification, ConsentRecord consent, JsonNode decision,
                 Patient patient, String statedInsurance, String confirmedBy, SearchNumbers numbers,
                 RecheckState recheckState) {
        this(visitId, asOf, terminal, route, outcome, reason, warnings, qualification, consent, decision, patient,
                statedInsurance, confirmedBy, numbers, recheckState, true, null);
    }

    public Visit withId(String id) {
        return new Visit(id, asOf, terminal, route, outcome, reason, warnings, qualification, consent, decision, patient,
                statedInsurance, confirmedBy, numbers, recheckState, simulated, card, subsidy);
    }

    public Visit withRecheckState(RecheckState state) {
        return new Visit(visitId, asOf, terminal, route, outcome, reason, warnings, qualification, consent, decision,
                patient, statedInsurance, confirmedBy, numbers, state, simulated, card, subsidy);
    }

    public Visit withConsent(ConsentRecord newConsent) {
        return new Visit(visitId, asOf, terminal, route, outcome, reason, warnings, qualification, newConsent, decision,
                patient, statedInsurance, confirmedBy, numbers, recheckState, simulated, card, subsidy);
    }
}
