package jp.mynadesk.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
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
     * process: a desk asks for it twice (the virtual card's issuer, the trust anchors). Its two roots are the bundled
     * ones ({@link SimulatorCertificates}); signing them cost a one-shot {@code check} (C1 only) about 130 ms with
     * Bouncy Castle's builder. The CA is immutable, so sharing it changes nothing but the time.
     */
    public static TestCa standard() {
        return Standard.CA;
    }

    /** Holder of {@link #standard()}: built on first use, not when the record class is loaded. */
    private static final class Standard {
        static final TestCa CA = create(STANDARD);
    }

    /**
     * A CA with other keys but the same names: a card issued by it must be refused as a wrong issuer. Its roots come
     * from {@link SimulatorCertificates} when that holds them for this key label (the standard CA), else are signed.
     */
    public static TestCa create(String keyLabel) {
        return create(keyLabel, SimulatorCertificates.bundled());
    }

    static TestCa create(String keyLabel, SimulatorCertificates bundle) {
        List<String> labels = keyLabels(keyLabel);
        return new TestCa(
                root(labels.get(0), AUTH_PURPOSE, bundle),
                root(labels.get(1), SIGN_PURPOSE, bundle));
    }

    /** The {@link DeterministicKeys} labels of {@link #create}'s two roots: authentication, then signature. */
    public static List<String> keyLabels(String keyLabel) {
        return List.of("auth-ca:" + keyLabel, "sign-ca:" + keyLabel);
    }

    /** The {@link SimulatorCertificates} labels of {@link #create}'s two roots, in {@link #keyLabels} order. */
    static List<String> certificateLabels(String keyLabel) {
        List<String> labels = keyLabels(keyLabel);
        return List.of(certificateLabel(labels.get(0), AUTH_PURPOSE), certificateLabel(labels.get(1), SIGN_PURPOSE));
    }

    private static final String AUTH_PURPOSE = "JPKI-SIM for user authentication";
    private static final String SIGN_PURPOSE = "JPKI-SIM for digital signature";
    /** The roots' validity; built from fields, not parsed, so the bundled path loads no DateTimeFormatter. */
    private static final ZonedDateTime NOT_BEFORE = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final ZonedDateTime NOT_AFTER = ZonedDateTime.of(2045, 12, 31, 14, 59, 59, 0, ZoneOffset.UTC);

    /** Everything {@link #root} makes a root from: the key label, the purpose (its OU) and the key. */
    private static String certificateLabel(String keyLabel, String purpose) {
        return SimulatorCertificates.label(keyLabel, purpose,
                DeterministicKeys.rsa2048(keyLabel).getPublic().getEncoded());
    }

    private static BigInteger serial(String keyLabel) {
        return BigInteger.valueOf(Math.abs((long) keyLabel.hashCode()) + 1);
    }

    private static Authority root(String keyLabel, String purpose, SimulatorCertificates bundle) {
        KeyPair keys = DeterministicKeys.rsa2048(keyLabel);
        X509Certificate bundled = bundle.find(certificateLabel(keyLabel, purpose), new SimulatorCertificates.Expected(
                keys.getPublic(), serial(keyLabel), NOT_BEFORE.toInstant(), NOT_AFTER.toInstant(), null, keys.getPublic()));
        if (bundled != null) {
            return new Authority(bundled, keys);
        }
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.OU, purpose)
                .addRDN(BCStyle.OU, AGENCY)
                .build();
        X509Certificate certificate = new CertificateBuilder(name, keys.getPublic(), name, keys.getPrivate())
                .serial(serial(keyLabel))
                .validity(NOT_BEFORE, NOT_AFTER)
                .extension(Extension.basicConstraints, true, new BasicConstraints(true))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .subjectKeyId()
                .build();
        return new Authority(certificate, keys);
    }
}
