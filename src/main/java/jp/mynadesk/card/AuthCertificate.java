package jp.mynadesk.card;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** The 利用者証明用電子証明書 read from EF 000A: its exact DER bytes and the parsed certificate. */
public record AuthCertificate(byte[] der, X509Certificate certificate) {

    public AuthCertificate {
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** Parses DER, or explains why it is not a certificate. */
    static AuthCertificate parse(byte[] der) throws CertificateException {
        var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return new AuthCertificate(der, certificate);
    }

    @Override
    public String toString() {
        return "AuthCertificate[" + certificate.getSubjectX500Principal() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthCertificate a && java.util.Arrays.equals(a.der, der);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(der);
    }
}
