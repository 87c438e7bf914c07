package jp.mynadesk.pki;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What certificate validation decided about a card's authentication certificate. Each refusal has its own type so
 * the desk (and the service's error codes) can say exactly why a card is not a マイナ保険証 today.
 */
public sealed interface CertificateVerdict {

    /** The card may be used for the qualification check. */
    boolean usable();

    /** Something the staff should tell the holder even though the card is usable (renewal due, in grace). */
    default Optional<String> warning() {
        return Optional.empty();
    }

    /** A short stable name for logs, JSON and scenario files. */
    String code();

    /** Within its validity period and more than three months before expiry. */
    record Valid(LocalDate expiry) implements CertificateVerdict {
        public boolean usable() { return true; }
        public String code() { return "valid"; }
    }

    /** Valid, but expiry is within three months: warn the holder to renew. */
    record ExpiringSoon(LocalDate expiry) implements CertificateVerdict {
        public boolean usable() { return true; }
        public String code() { return "expiring-soon"; }
        @Override
        public Optional<String> warning() {
            return Optional.of("電子証明書の有効期限が近づいています（" + expiry + "）。更新手続きをご案内ください。");
        }
    }

    /**
     * Expired, but within the grace period: usable for qualification information only (no drug/diagnosis
     * information sharing).
     */
    record ValidInGrace(LocalDate expiry, LocalDate usableUntil) implements CertificateVerdict {
        public boolean usable() { return true; }
        public String code() { return "valid-in-grace"; }
        @Override
        public Optional<String> warning() {
            return Optional.of("電子証明書の有効期限（" + expiry + "）が切れています。" + usableUntil
                    + "まで資格確認のみ利用できます。更新手続きをご案内ください。");
        }
    }

    /** Expired and past the grace period. */
    record Expired(LocalDate expiry, LocalDate usableUntil) implements CertificateVerdict {
        public boolean usable() { return false; }
        public String code() { return "expired"; }
    }

    /** The validity period has not started. */
    record NotYetValid(LocalDate validFrom) implements CertificateVerdict {
        public boolean usable() { return false; }
        public String code() { return "not-yet-valid"; }
    }

    /** Not issued (or not verifiably signed) by any configured trust anchor. */
    record WrongIssuer(String issuer) implements CertificateVerdict {
        public boolean usable() { return false; }
        public String code() { return "wrong-issuer"; }
    }

    /** Listed as revoked by the issuer. */
    record Revoked(Instant revokedAt, String reason) implements CertificateVerdict {
        public boolean usable() { return false; }
        public String code() { return "revoked"; }
    }

    /** Revocation could not be checked (service unreachable, stale or unverifiable CRL). */
    record RevocationUnknown(String reason) implements CertificateVerdict {
        public boolean usable() { return false; }
        public String code() { return "revocation-unknown"; }
    }

    /** The certificate does not allow digitalSignature, so it cannot authenticate a holder. */
    record BadKeyUsage(String detail) implements CertificateVerdict {
        public boolean usable() { return false; }
        public String code() { return "bad-key-usage"; }
    }

    /** The card's signature does not verify with the certificate's public key (a forged or cloned card). */
    record ForgedSignature(String detail) implements CertificateVerdict {
        public boolean usable() { return false; }
        public String code() { return "forged-signature"; }
    }

    /** The bytes are not an X.509 certificate. */
    record Malformed(String detail) implements CertificateVerdict {
        public boolean usable() { return false; }
        public String code() { return "malformed"; }
    }
}
