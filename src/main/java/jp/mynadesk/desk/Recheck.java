package jp.mynadesk.desk;

import java.util.Optional;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.QualificationValidity;

/**
 * 再照会: a visit accepted offline (on a 資格確認書 or with a declaration) is queried again by its numbers once the
 * service is back, and the answer is compared with what the desk accepted (product.md flow 4).
 */
public final class Recheck {
    private Recheck() {}

    /** What the re-query found for one provisional visit. */
    public sealed interface Finding {
        /** The qualification the visit was accepted on is valid: the claim goes out as it is. */
        record Confirmed(QualificationRecord qualification) implements Finding {}

        /**
         * The qualification had been lost (資格喪失) by the visit day. {@code newQualificationExists} is the service
         * saying the person is insured elsewhere now (資格有効性 3); {@code newQualification} is that qualification
         * when the answer includes it, so the claim can go to the new insurer.
         */
        record Lost(String lostOn, boolean newQualificationExists, Optional<QualificationRecord> newQualification)
                implements Finding {}

        /** The service knows no qualification with these numbers: ask the patient, or claim as 不詳. */
        record NotFound() implements Finding {}

        /** Several people match (e.g. twins without 枝番): staff must pick with the patient. */
        record Ambiguous(int matches) implements Finding {}

        /** The service did not answer this one; it stays queued. */
        record Unanswered(String why) implements Finding {}
    }

    /** Compares the service's answer for the numbers a visit was accepted on. */
    public static Finding compare(QualificationResponse now) {
        QualificationValidity validity = now.qualificationValidity();
        if (validity == null) {
            return new Finding.Unanswered(now.processingResultMessage() == null ? "no validity in the answer" : now.processingResultMessage());
        }
        return switch (validity) {
            case VALID, VALID_UNREGISTERED -> now.results().isEmpty()
                    ? new Finding.Unanswered("valid but no qualification in the answer")
                    : new Finding.Confirmed(now.results().get(0));
            case INVALID, INVALID_NEW_QUALIFICATION -> lost(now, validity == QualificationValidity.INVALID_NEW_QUALIFICATION);
            case NOT_FOUND -> new Finding.NotFound();
            case MULTIPLE -> new Finding.Ambiguous(now.results().size());
        };
    }

    private static Finding lost(QualificationResponse now, boolean newQualificationExists) {
        String lostOn = "";
        QualificationRecord replacement = null;
        for (QualificationRecord r : now.results()) {
            boolean ended = r.disqualificationDate() != null && !r.disqualificationDate().isBlank();
            if (ended && lostOn.isEmpty()) {
                lostOn = r.disqualificationDate();
            } else if (!ended && replacement == null) {
                replacement = r;
            }
        }
        return new Finding.Lost(lostOn, newQualificationExists || replacement != null, Optional.ofNullable(replacement));
    }
}
