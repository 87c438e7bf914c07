package jp.mynadesk.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues CRLs under a test CA's authority (the mock service publishes one for the 利用者証明用 CA). */
public final class CrlIssuer {
    /** One revoked certificate. */
    public record Entry(BigInteger serial, Instant revokedAt, int reason) {
        public static Entry keyCompromise(BigInteger serial, Instant at) {
            return new Entry(serial, at, CRLReason.keyCompromise);
        }
    }

    private CrlIssuer() {}

    public static X509CRL issue(TestCa.Authority authority, List<Entry> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(authority.name(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Entry e : revoked) {
                builder.addCRLEntry(e.serial(), Date.from(e.revokedAt()), e.reason());
            }
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(authority.keys().getPrivate());
            return new JcaX509CRLConverter().getCRL(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("could not issue CRL", e);
        }
    }

    /** A CRL reason code as a word (RFC 5280 names). */
    static String reasonName(int reason) {
        return switch (reason) {
            case CRLReason.keyCompromise -> "keyCompromise";
            case CRLReason.cACompromise -> "cACompromise";
            case CRLReason.affiliationChanged -> "affiliationChanged";
            case CRLReason.superseded -> "superseded";
            case CRLReason.cessationOfOperation -> "cessationOfOperation";
            case CRLReason.certificateHold -> "certificateHold";
            default -> "unspecified";
        };
    }
}
