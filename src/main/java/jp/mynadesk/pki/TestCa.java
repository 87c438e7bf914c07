package jp.mynadesk.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The project's own certificate authorities, shaped like the JPKI roots (one for user authentication,
 * one for digital signature) but named so nobody can mistake them for J-LIS: {@code O=JPKI-SIM}.
 *
 * @param authRoot 利用者証明用 root (self-signed) and its key
 * @param signRoot 署名用 root (self-signed) and its key
 */
public record TestCa(Authority authRoot, Authority signRoot) {

    /** A CA certificate with the key that signs under it. */
    public record Authority(X509Certificate certificate, KeyPair keys) {
        public X500Name name() {
            return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        }
    }

    public static final String ORGANISATION = "JPKI-SIM";
    public static final String AGENCY = "mynadesk test CA - not J-LIS";

    /** Key label of {@link #standard()}. */
    public static final String STANDARD = "standard";

    /**
     * The default test CA (fixed keys and validity, so its certificates are the same in every run). Built once per
     * process: a desk asks for it twice (the virtual card's issuer, the trust anchors), and each build signs two root
     * certificates, about 40 ms of a one-shot {@code check} (C1 only). The CA is immutable, so sharing it changes
     * nothing but the time.
     */
    public static TestCa standard() {
        return Standard.CA;
    }

    /** Holder of {@link #standard()}: built on first use, not when the record class is loaded. */
    private static final class Standard {
        static final TestCa CA = create(STANDARD);
    }

    /** A CA with other keys but the same names: a card issued by it must be refused as a wrong issuer. */
    public static TestCa create(String keyLabel) {
        List<String> labels = keyLabels(keyLabel);
        return new TestCa(
                root(labels.get(0), "JPKI-SIM for user authentication"),
                root(labels.get(1), "JPKI-SIM for digital signature"));
    }

    /** The {@link DeterministicKeys} labels of {@link #create}'s two roots: authentication, then signature. */
    public static List<String> keyLabels(String keyLabel) {
        return List.of("auth-ca:" + keyLabel, "sign-ca:" + keyLabel);
    }

    private static Authority root(String keyLabel, String purpose) {
        KeyPair keys = DeterministicKeys.rsa2048(keyLabel);
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.OU, purpose)
                .addRDN(BCStyle.OU, AGENCY)
                .build();
        X509Certificate certificate = new CertificateBuilder(name, keys.getPublic(), name, keys.getPrivate())
                .serial(BigInteger.valueOf(Math.abs((long) keyLabel.hashCode()) + 1))
                .validity(ZonedDateTime.parse("2020-01-01T00:00:00Z"), ZonedDateTime.parse("2045-12-31T14:59:59Z"))
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .subjectKeyId()
                .build();
        return new Authority(certificate, keys);
    }
}
