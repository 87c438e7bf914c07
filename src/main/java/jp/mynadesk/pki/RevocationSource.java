package jp.mynadesk.pki;

import java.security.cert.X509Certificate;

/** Where revocation comes from: a CRL fetched from the service, the service's own list, or nothing. */
@FunctionalInterface
public interface RevocationSource {

    /**
     * @param certificate the card certificate
     * @param issuer      the trust anchor that issued it (already verified)
     */
    RevocationStatus status(X509Certificate certificate, X509Certificate issuer);

    /** For local-only validation (before the service is asked): every certificate counts as not revoked. */
    static RevocationSource skip() {
        return (certificate, issuer) -> new RevocationStatus.Good();
    }
}
