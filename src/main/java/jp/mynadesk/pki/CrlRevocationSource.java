package jp.mynadesk.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;

/**
 * Revocation from a CRL fetched on demand (from the qualification service). The CRL must be signed by the
 * certificate's issuer and current by the injected clock ({@code thisUpdate ≤ now < nextUpdate}); a verified CRL is
 * kept until its nextUpdate so most checks need no network call.
 */
public final class CrlRevocationSource implements RevocationSource {
    private final Supplier<Optional<byte[]>> fetch;
    private final Clock clock;
    private volatile X509CRL cached;

    /**
     * @param fetch returns the DER CRL, or empty when the source is unreachable
     */
    public CrlRevocationSource(Supplier<Optional<byte[]>> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    @Override
    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        Instant now = clock.instant();
        X509CRL crl = cached;
        if (crl == null || !current(crl, now) || !crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            Optional<byte[]> der = fetch.get();
            if (der.isEmpty()) {
                return new RevocationStatus.Unknown("CRL could not be fetched");
            }
            try {
                crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der.get()));
            } catch (GeneralSecurityException | RuntimeException e) {
                return new RevocationStatus.Unknown("CRL is not a valid CRL: " + e.getMessage());
            }
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                return new RevocationStatus.Unknown("CRL is issued by " + crl.getIssuerX500Principal() + ", not the certificate's issuer");
            }
            try {
                crl.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                return new RevocationStatus.Unknown("CRL signature does not verify with the issuer's key");
            }
            if (!current(crl, now)) {
                return new RevocationStatus.Unknown("CRL is not current (thisUpdate " + crl.getThisUpdate().toInstant()
                        + ", nextUpdate " + (crl.getNextUpdate() == null ? "none" : crl.getNextUpdate().toInstant()) + ")");
            }
            cached = crl;
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry == null) {
            return new RevocationStatus.Good();
        }
        return new RevocationStatus.Revoked(entry.getRevocationDate().toInstant(), reason(entry));
    }

    private static boolean current(X509CRL crl, Instant now) {
        return !now.isBefore(crl.getThisUpdate().toInstant())
                && crl.getNextUpdate() != null && now.isBefore(crl.getNextUpdate().toInstant());
    }

    private static String reason(X509CRLEntry entry) {
        byte[] ext = entry.getExtensionValue(Extension.reasonCode.getId());
        if (ext == null) {
            return "unspecified";
        }
        try {
            ASN1Primitive inner = ASN1Primitive.fromByteArray(DEROctetString.getInstance(ext).getOctets());
            return CrlIssuer.reasonName(ASN1Enumerated.getInstance(inner).intValueExact());
        } catch (java.io.IOException | RuntimeException e) {
            return "unspecified";
        }
    }
}
