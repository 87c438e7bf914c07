package jp.mynadesk.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small fluent wrapper over Bouncy Castle's builder: sha256WithRSA, the extensions we use, one error type. */
final class CertificateBuilder {
    private record Ext(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {}

    private final X500Name subject;
    private final PublicKey subjectKey;
    private final X500Name issuer;
    private final PrivateKey issuerKey;
    private BigInteger serial = BigInteger.ONE;
    private Date notBefore;
    private Date notAfter;
    private final List<Ext> extensions = new ArrayList<>();
    private boolean subjectKeyId;
    private PublicKey authorityKey;

    CertificateBuilder(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey) {
        this.subject = subject;
        this.subjectKey = subjectKey;
        this.issuer = issuer;
        this.issuerKey = issuerKey;
    }

    CertificateBuilder serial(BigInteger serial) {
        this.serial = serial;
        return this;
    }

    CertificateBuilder validity(ZonedDateTime from, ZonedDateTime to) {
        this.notBefore = Date.from(from.toInstant());
        this.notAfter = Date.from(to.toInstant());
        return this;
    }

    CertificateBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        extensions.add(new Ext(oid, critical, value));
        return this;
    }

    CertificateBuilder subjectKeyId() {
        this.subjectKeyId = true;
        return this;
    }

    CertificateBuilder authorityKeyId(PublicKey issuerPublicKey) {
        this.authorityKey = issuerPublicKey;
        return this;
    }

    X509Certificate build() {
        try {
            var builder = new X509v3CertificateBuilder(issuer, serial, notBefore, notAfter, subject,
                    SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
            var utils = new JcaX509ExtensionUtils();
            if (subjectKeyId) {
                builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            }
            if (authorityKey != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(authorityKey));
            }
            for (Ext e : extensions) {
                builder.addExtension(e.oid(), e.critical(), e.value());
            }
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("could not issue test certificate for " + subject, e);
        }
    }
}
