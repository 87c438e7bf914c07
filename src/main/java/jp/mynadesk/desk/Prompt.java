package jp.mynadesk.desk;

import java.util.List;
import jp.mynadesk.rules.FallbackDecision;

/** What the check waits for next, with what the screen should show; {@link Done} ends it. */
public sealed interface Prompt {

    /** Why the check is here (null when all is well) and the warnings so far. */
    Reason reason();

    /** Waiting for a card, documents or a declaration to start. */
    record AwaitingStart(Reason reason) implements Prompt {}

    /** The patient types the PIN; {@code triesLeft} as the card said (warn at 1). */
    record AwaitingPin(int triesLeft, Reason reason, List<ReasonCode> warnings) implements Prompt {}

    /** PIN mode is not possible (blocked, not set) or unwise: staff may compare the face instead. */
    record AwaitingVisual(Reason reason) implements Prompt {}

    /**
     * Information-sharing questions for the patient, per category; when the service offered 医療費助成 受給者証
     * ({@code subsidies}, PMH), also 「医療費助成の受給者証を利用しますか」. {@code reason} says why the questions are
     * asked again (an answer was missing), else null.
     */
    record AwaitingConsent(Qualification qualification, List<ReasonCode> warnings, List<Subsidy> subsidies,
                           Reason reason) implements Prompt {
        public AwaitingConsent {
            subsidies = subsidies == null ? List.of() : List.copyOf(subsidies);
        }

        public AwaitingConsent(Qualification qualification, List<ReasonCode> warnings) {
            this(qualification, warnings, List.of(), null);
        }

        /** Whether 「医療費助成の受給者証を利用しますか」 is asked. */
        public boolean asksSubsidy() {
            return !subsidies.isEmpty();
        }
    }

    /** The card path cannot confirm the insurance: staff enter or scan documents. */
    record AwaitingDocuments(Reason reason, boolean serviceAvailable) implements Prompt {}

    /** The document rules accept only with a 被保険者資格申立書: staff capture it. */
    record AwaitingDeclaration(FallbackDecision decision) implements Prompt {
        @Override
        public Reason reason() {
            return null;
        }
    }

    /**
     * The check is decided but the record did not take the visit (database away or locked, file damaged). Nothing
     * is lost: the decided visit waits here until staff record it again ({@link DeskEvent.RecordAgain}); the
     * patient is not asked again, and cancelling is not offered, since that would lose it.
     *
     * @param problem the store's own Japanese message (what is wrong with the record, what to do)
     */
    record AwaitingRecord(Visit visit, StoreException.Kind kind, String problem) implements Prompt {
        @Override
        public Reason reason() {
            return Reason.of(ReasonCode.RECORD_UNAVAILABLE);
        }
    }

    /** The check ended and the visit is recorded. */
    record Done(Visit visit) implements Prompt {
        @Override
        public Reason reason() {
            return visit.reason();
        }
    }
}
