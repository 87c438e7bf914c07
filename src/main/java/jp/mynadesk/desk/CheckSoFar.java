package jp.mynadesk.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ReceptionCheck} has learnt so far that outlives the prompt it was learnt at and goes into the visit.
 * Never changed in place: each step makes a new one, so what a prompt was answered with stays as it was.
 *
 * <p>What belongs to one prompt only travels in that {@link Prompt} record instead (the qualification and the
 * 医療費助成 offered in {@link Prompt.AwaitingConsent}, the documents' decision in {@link Prompt.AwaitingDeclaration}),
 * and what an ending adds (consent, the 申立書's insurance) is handed to the ending.
 *
 * @param route       the way the check went; {@link Route#CARD_PIN} until another is taken, which is also how a check
 *                    that ends before choosing one is recorded
 * @param staff       who compares the face for 目視 as staff named them; kept on the visit of a 目視 check only
 * @param warnings    said calmly at the desk, each once, in the order they came up
 * @param serviceDown the service failed once in this check: it is not asked again, documents are judged offline
 * @param card        how far the check got with the card
 * @param patient     identity taken at the desk (documents, 申立書); null while none was given
 */
record CheckSoFar(Route route, String staff, List<ReasonCode> warnings, boolean serviceDown, CardSoFar card,
                  Patient patient) {

    /** A check that has learnt nothing yet. */
    static final CheckSoFar START = new CheckSoFar(Route.CARD_PIN, null, List.of(), false, new CardSoFar.None(), null);

    CheckSoFar {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(card, "card");
        warnings = List.copyOf(warnings);
    }

    CheckSoFar withRoute(Route taken) {
        return new CheckSoFar(taken, staff, warnings, serviceDown, card, patient);
    }

    CheckSoFar withStaff(String named) {
        return new CheckSoFar(route, named, warnings, serviceDown, card, patient);
    }

    /** Adds the warning unless it was given already. */
    CheckSoFar withWarning(ReasonCode warning) {
        if (warnings.contains(warning)) {
            return this;
        }
        List<ReasonCode> more = new ArrayList<>(warnings);
        more.add(warning);
        return new CheckSoFar(route, staff, more, serviceDown, card, patient);
    }

    CheckSoFar withServiceDown(boolean down) {
        return new CheckSoFar(route, staff, warnings, down, card, patient);
    }

    CheckSoFar withCard(CardSoFar reached) {
        return new CheckSoFar(route, staff, warnings, serviceDown, reached, patient);
    }

    CheckSoFar withPatient(Patient given) {
        return new CheckSoFar(route, staff, warnings, serviceDown, card, given);
    }
}
