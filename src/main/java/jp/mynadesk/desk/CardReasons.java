package jp.mynadesk.desk;

import jp.mynadesk.card.CardFailure;
import jp.mynadesk.pki.CertificateVerdict;
import jp.mynadesk.reader.PcscProblem;

/** Card, reader and certificate problems as the desk's reason codes. */
final class CardReasons {
    private CardReasons() {}

    /**
     * Every kind of card failure, each said on purpose. Java 17 has no switch over a sealed type, so the last line
     * throws: a new kind fails SealedHierarchiesTest (which runs every permitted kind through here) until it is
     * handled, instead of falling into another kind's reason.
     */
    static Reason of(CardFailure failure) {
        if (failure instanceof CardFailure.WrongPin w) {
            return new Reason(ReasonCode.WRONG_PIN, w.triesLeft());
        }
        if (failure instanceof CardFailure.PinBlocked) {
            return new Reason(ReasonCode.PIN_BLOCKED, 0);
        }
        if (failure instanceof CardFailure.PinNotSet) {
            return Reason.of(ReasonCode.PIN_NOT_SET);
        }
        if (failure instanceof CardFailure.NotJpkiCard) {
            return Reason.of(ReasonCode.NOT_JPKI_CARD);
        }
        if (failure instanceof CardFailure.CardRemoved) {
            return Reason.of(ReasonCode.CARD_REMOVED);
        }
        if (failure instanceof CardFailure.ReaderProblem r) {
            return of(r.kind());
        }
        if (failure instanceof CardFailure.UnexpectedStatus || failure instanceof CardFailure.MalformedResponse) {
            // the card answered, but not as a JPKI card does at this step: it cannot be used as it is now
            return Reason.of(ReasonCode.NOT_JPKI_CARD);
        }
        throw new IllegalStateException("card failure not handled: " + failure);
    }

    /** The desk's code for a reader problem; the reason keeps the problem so staff read what actually happened. */
    static Reason of(PcscProblem problem) {
        return switch (problem) {
            case CARD_REMOVED -> Reason.of(ReasonCode.CARD_REMOVED);
            case UNKNOWN_CARD -> Reason.of(ReasonCode.NOT_JPKI_CARD);
            case CARD_RESET -> Reason.reader(ReasonCode.CARD_REMOVED, problem);
            case SERVICE_DOWN, NO_READERS, READER_GONE, SHARING_VIOLATION, TIMEOUT, OTHER ->
                    Reason.reader(ReasonCode.READER_UNAVAILABLE, problem);
        };
    }

    /**
     * A reader problem when the check starts: no card there yet is said as such (「カードが置かれていません」), under
     * the same code as a card pulled mid-check ({@code card-removed}, the contract's code for both).
     */
    static Reason atStart(PcscProblem problem) {
        Reason r = of(problem);
        return r.code() == ReasonCode.CARD_REMOVED ? Reason.said(ReasonCode.CARD_REMOVED, StaffText.noCard()) : r;
    }

    /**
     * Why an unusable certificate cannot be used on this token: a smartphone's expired certificate is said as such
     * (it has no grace, but the card itself may still work: docs/RULES.md §3.1).
     */
    static Reason refusal(CertificateVerdict verdict, jp.mynadesk.card.TokenKind token) {
        if (verdict instanceof CertificateVerdict.Expired && token != null && !token.graceAfterExpiry()) {
            return Reason.of(ReasonCode.PHONE_CERTIFICATE_EXPIRED);
        }
        return refusal(verdict);
    }

    /** Why an unusable certificate cannot be used; revocation that cannot be checked means the service is down. */
    static Reason refusal(CertificateVerdict verdict) {
        if (verdict instanceof CertificateVerdict.Expired) {
            return Reason.of(ReasonCode.CERTIFICATE_EXPIRED);
        }
        if (verdict instanceof CertificateVerdict.Revoked) {
            return Reason.of(ReasonCode.CERTIFICATE_REVOKED);
        }
        if (verdict instanceof CertificateVerdict.RevocationUnknown) {
            return Reason.of(ReasonCode.SERVICE_OFFLINE);
        }
        if (untrusted(verdict)) {
            return Reason.of(ReasonCode.CERTIFICATE_UNTRUSTED);
        }
        if (verdict.usable()) {
            throw new IllegalArgumentException("a usable certificate is not refused: " + verdict);
        }
        throw new IllegalStateException("certificate verdict not handled: " + verdict);
    }

    /** A local verdict (revocation not asked) as the card's proof records it. */
    static CardProof.Certificate certificate(CertificateVerdict verdict) {
        if (verdict instanceof CertificateVerdict.Valid) {
            return CardProof.Certificate.VALID;
        }
        if (verdict instanceof CertificateVerdict.ExpiringSoon) {
            return CardProof.Certificate.EXPIRING;
        }
        if (verdict instanceof CertificateVerdict.ValidInGrace) {
            return CardProof.Certificate.IN_GRACE;
        }
        if (verdict instanceof CertificateVerdict.Expired) {
            return CardProof.Certificate.EXPIRED;
        }
        if (untrusted(verdict)) {
            return CardProof.Certificate.UNTRUSTED;
        }
        if (verdict instanceof CertificateVerdict.Revoked || verdict instanceof CertificateVerdict.RevocationUnknown) {
            throw new IllegalArgumentException("revocation is not part of the local verdict: " + verdict);
        }
        throw new IllegalStateException("certificate verdict not handled: " + verdict);
    }

    /** The verdicts that mean the certificate is not one the desk can trust (anchor, dates, use, signature, form). */
    private static boolean untrusted(CertificateVerdict verdict) {
        return verdict instanceof CertificateVerdict.NotYetValid || verdict instanceof CertificateVerdict.WrongIssuer
                || verdict instanceof CertificateVerdict.BadKeyUsage || verdict instanceof CertificateVerdict.ForgedSignature
                || verdict instanceof CertificateVerdict.Malformed;
    }

    /** The warning a usable certificate carries, if any. */
    static ReasonCode warning(CertificateVerdict verdict) {
        if (verdict instanceof CertificateVerdict.ExpiringSoon) {
            return ReasonCode.CERTIFICATE_EXPIRING;
        }
        if (verdict instanceof CertificateVerdict.ValidInGrace) {
            return ReasonCode.CERTIFICATE_IN_GRACE;
        }
        return null;
    }
}
