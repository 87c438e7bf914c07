package jp.mynadesk.desk;

import java.util.List;
import java.util.Map;
import jp.mynadesk.documents.PresentedDocument;

/** What happens at the desk during a check: the inputs of the {@link ReceptionCheck} state machine. */
public sealed interface DeskEvent {

    /** The patient put the card on the reader; staff chose the mode (and, for 目視, who compares the face). */
    record CardPresented(CheckMode mode, String staff) implements DeskEvent {}

    /**
     * The patient typed the PIN. The array is the caller's; the workflow wipes it after use, so it must not be
     * reused.
     */
    record PinEntered(char[] pin) implements DeskEvent {
        @Override
        public String toString() {
            return "PinEntered[****]";
        }
    }

    /** Staff compared the face with the card photo (目視) instead of a PIN. */
    record VisualConfirmed(String staff) implements DeskEvent {}

    /**
     * The patient answered the information-sharing questions (a missing category counts as no) and, when asked,
     * 「医療費助成の受給者証を利用しますか」: {@code useSubsidies} true/false, null when not answered (then, if it was
     * asked, the questions are asked again: an answer is never guessed).
     */
    record ConsentAnswered(Map<SharingCategory, Boolean> answers, Boolean useSubsidies) implements DeskEvent {
        public ConsentAnswered {
            answers = Map.copyOf(answers);
        }

        public ConsentAnswered(Map<SharingCategory, Boolean> answers) {
            this(answers, null);
        }
    }

    /**
     * Documents typed or scanned (資格確認書, お知らせ, ...). {@code limitConsent}: the patient agreed orally to share
     * the 限度額 information. {@code patient}: identity captured at the desk (null: taken from the documents).
     */
    record DocumentsPresented(List<PresentedDocument> documents, boolean limitConsent, Patient patient) implements DeskEvent {
        public DocumentsPresented {
            documents = List.copyOf(documents);
        }
    }

    /**
     * The patient filled in a 被保険者資格申立書. {@code numbers}: the insurance they state, or null when they do
     * not know it (不詳).
     */
    record DeclarationGiven(Patient patient, String statedInsurance, SearchNumbers numbers) implements DeskEvent {}

    /** Nothing more to offer at this prompt (no documents, no PIN): end with the reason shown. */
    record Decline() implements DeskEvent {}

    /** Staff try again to record a decided visit the record did not take ({@link Prompt.AwaitingRecord}). */
    record RecordAgain() implements DeskEvent {}

    /** Staff cancelled the check. */
    record Cancel() implements DeskEvent {}
}
