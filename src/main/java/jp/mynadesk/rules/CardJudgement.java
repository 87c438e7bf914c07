package jp.mynadesk.rules;

import java.time.LocalDate;
import java.util.List;

/** Whether the card can be used today, and why not. {@code graceUntil} is null when the expiry is unknown. */
public record CardJudgement(boolean presented, boolean usable, List<Reason> reasons, LocalDate certificateNotAfter,
        LocalDate graceUntil, boolean inGrace, boolean renewalDue) {

    public CardJudgement {
        reasons = List.copyOf(reasons);
    }

    static CardJudgement of(PresentedCard card, LocalDate asOf) {
        if (!card.presented()) {
            return new CardJudgement(false, false, List.of(), null, null, false, false);
        }
        LocalDate notAfter = card.certificateNotAfter();
        if (notAfter == null) {
            return new CardJudgement(true, true, List.of(), null, null, false, false);
        }
        LocalDate graceUntil = CertificateGrace.lastUsableDay(notAfter);
        boolean usable = !asOf.isAfter(graceUntil);
        return new CardJudgement(true, usable, usable ? List.of() : List.of(Reason.CARD_CERTIFICATE_EXPIRED), notAfter,
                graceUntil, CertificateGrace.inGrace(notAfter, asOf), CertificateGrace.renewalDue(notAfter, asOf));
    }
}
