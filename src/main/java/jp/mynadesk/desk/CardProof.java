package jp.mynadesk.desk;

import jp.mynadesk.format.Coded;

/**
 * How the card on the reader proved itself in one check (docs/DESK.md "The card's proof", docs/CLINIC.md): recorded on
 * the visit and in {@code check --json} as {@code card}. The desk builds it from what it did itself (local validation
 * of the certificate against the trust anchors, VERIFY, the card's signature over a challenge), so it is there also
 * when the online service is not.
 *
 * @param verified     who vouched for the holder: the PIN (VERIFY passed), staff (目視), or nobody yet
 * @param certificate  the 利用者証明用 certificate as validated locally (anchor, key usage, dates with the grace)
 * @param revocation   what is known of revocation: only the service knows it, so without the service it is unknown
 * @param issuer       the subject DN of the trust anchor that issued the certificate; null when none did
 */
public record CardProof(Verified verified, Certificate certificate, Revocation revocation, String issuer) {

    /** Who vouched for the holder. */
    public enum Verified implements Coded {
        PIN("pin"), VISUAL("visual"), NONE("none");

        private final String code;

        Verified(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** The certificate's local verdict: usable ({@code valid}, {@code expiring}, {@code in-grace}) or not. */
    public enum Certificate implements Coded {
        VALID("valid"), EXPIRING("expiring"), IN_GRACE("in-grace"), EXPIRED("expired"), UNTRUSTED("untrusted");

        private final String code;

        Certificate(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        public boolean usable() {
            return this == VALID || this == EXPIRING || this == IN_GRACE;
        }
    }

    /** Revocation as far as the desk could learn it. */
    public enum Revocation implements Coded {
        GOOD("good"), REVOKED("revoked"), UNKNOWN("unknown");

        private final String code;

        Revocation(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public CardProof withVerified(Verified v) {
        return new CardProof(v, certificate, revocation, issuer);
    }

    public CardProof withCertificate(Certificate c) {
        return new CardProof(verified, c, revocation, issuer);
    }

    public CardProof withRevocation(Revocation r) {
        return new CardProof(verified, certificate, r, issuer);
    }

    /** The card may stand for the holder: a usable certificate that is not known to be revoked. */
    public boolean usable() {
        return certificate.usable() && revocation != Revocation.REVOKED;
    }
}
