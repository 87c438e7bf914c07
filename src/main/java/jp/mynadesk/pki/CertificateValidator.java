package jp.mynadesk.pki;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.rules.CertificateGrace;

/**
 * Validates a card's 利用者証明用電子証明書: issued by a configured trust anchor, key usage digitalSignature, validity
 * with the grace of docs/RULES.md §3 (dates in JST), and revocation through a {@link RevocationSource}. The order matters:
 * a certificate we cannot attribute to a trusted issuer says nothing trustworthy about its dates.
 *
 * <p>JPKI's 利用者証明用 CA issues card certificates directly; a chain through configured intermediate CA certificates up
 * to a configured root is accepted too ({@link TrustAnchors}), each intermediate valid at the time of the check.
 */
public final class CertificateValidator {
    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final TrustAnchors anchors;
    private final RevocationSource revocation;
    private final Clock clock;
    /** False for a smartphone's スマホ用電子証明書: no grace after its expiry (docs/RULES.md §3.1). */
    private final boolean grace;

    public CertificateValidator(TrustAnchors anchors, RevocationSource revocation, Clock clock) {
        this(anchors, revocation, clock, true);
    }

    private CertificateValidator(TrustAnchors anchors, RevocationSource revocation, Clock clock, boolean grace) {
        this.anchors = anchors;
        this.revocation = revocation;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * The same validator for a smartphone's スマホ用電子証明書, which has no grace: expired means {@link
     * CertificateVerdict.Expired} from the day after its expiry (docs/RULES.md §3.1).
     */
    public CertificateValidator withoutGrace() {
        return new CertificateValidator(anchors, revocation, clock, false);
    }

    /** This validator, or its {@link #withoutGrace()} form when {@code grace} is false. */
    public CertificateValidator grace(boolean grace) {
        return grace ? this : withoutGrace();
    }

    /** Parses DER bytes and validates them; bytes that are not a certificate give {@link CertificateVerdict.Malformed}. */
    public CertificateVerdict validate(byte[] der) {
        X509Certificate certificate;
        try {
            certificate = parse(der);
        } catch (GeneralSecurityException | RuntimeException e) {
            return new CertificateVerdict.Malformed("not an X.509 certificate: " + e.getMessage());
        }
        return validate(certificate);
    }

    public CertificateVerdict validate(X509Certificate certificate) {
        var issuer = anchors.issuerOf(certificate, clock.instant());
        if (issuer.isEmpty()) {
            return new CertificateVerdict.WrongIssuer(certificate.getIssuerX500Principal().getName());
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || usage.length == 0 || !usage[0]) {
            return new CertificateVerdict.BadKeyUsage("the certificate does not allow digitalSignature");
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(JST).toLocalDate();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        LocalDate expiry = notAfter.atZone(JST).toLocalDate();
        CertificateVerdict dated;
        if (now.isBefore(notBefore)) {
            return new CertificateVerdict.NotYetValid(notBefore.atZone(JST).toLocalDate());
        } else if (now.isAfter(notAfter)) {
            LocalDate until = CertificateGrace.lastUsableDay(expiry, grace);
            if (today.isAfter(until)) {
                return new CertificateVerdict.Expired(expiry, until);
            }
            dated = new CertificateVerdict.ValidInGrace(expiry, until);
        } else if (!today.isBefore(CertificateGrace.warnFrom(expiry))) {
            dated = new CertificateVerdict.ExpiringSoon(expiry);
        } else {
            dated = new CertificateVerdict.Valid(expiry);
        }
        RevocationStatus status;
        try {
            status = revocation.status(certificate, issuer.get());
        } catch (RuntimeException e) {
            OperationsLog.unexpected("pki", "失効の確認で予期しないエラー（失効は不明として扱います）", e);
            status = new RevocationStatus.Unknown("revocation check failed: " + e.getMessage());
        }
        if (status instanceof RevocationStatus.Revoked r) {
            return new CertificateVerdict.Revoked(r.revokedAt(), r.reason());
        }
        if (status instanceof RevocationStatus.Unknown u) {
            return new CertificateVerdict.RevocationUnknown(u.reason());
        }
        return dated;
    }

    /**
     * Validates the certificate and then the card's signature over the service's challenge (SHA256withRSA, as the
     * card computes it from a SHA-256 digest). A signature that does not verify gives
     * {@link CertificateVerdict.ForgedSignature} even when the certificate itself is fine.
     */
    public CertificateVerdict validateSigned(X509Certificate certificate, byte[] challenge, byte[] signature) {
        CertificateVerdict verdict = validate(certificate);
        if (!verdict.usable()) {
            return verdict;
        }
        return verifies(certificate, challenge, signature) ? verdict
                : new CertificateVerdict.ForgedSignature("the signature does not verify with the certificate's public key");
    }

    /** True when {@code signature} is a SHA256withRSA signature of {@code data} by the certificate's key. */
    public static boolean verifies(X509Certificate certificate, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    public static X509Certificate parse(byte[] der) throws GeneralSecurityException {
        if (der == null || der.length == 0) {
            throw new java.security.cert.CertificateException("empty");
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
