package jp.mynadesk.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;

/** Issues a test card's certificates under a {@link TestCa}, shaped as docs/CARD.md §5.2 and §5.3 describe. */
public final class CardIssuer {
    /** jpki-cp-auth-class30 (利用者証明用). */
    public static final String POLICY_AUTH = "1.2.392.200149.8.5.1.3.30";
    /** 署名用 policy. */
    public static final String POLICY_SIGN = "1.2.392.200149.8.5.1.1.20";
    /** subjectAltName otherName arcs for the 基本4情報 in the signature certificate. */
    static final String OID_NAME = "1.2.392.200149.8.5.5.1";
    static final String OID_SEX = "1.2.392.200149.8.5.5.3";
    static final String OID_BIRTH = "1.2.392.200149.8.5.5.4";
    static final String OID_ADDRESS = "1.2.392.200149.8.5.5.5";

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private final TestCa ca;

    public CardIssuer(TestCa ca) {
        this.ca = ca;
    }

    public TestCa ca() {
        return ca;
    }

    /**
     * The {@link DeterministicKeys} labels {@link #issue} takes a card's keys from: auth and sign always (the sign key
     * even when the profile has no signature certificate), and the forged chip key of a mismatched-key card.
     */
    public static List<String> keyLabels(HolderSpec spec) {
        String auth = "auth:" + spec.keyLabel();
        String sign = "sign:" + spec.keyLabel();
        return spec.mismatchedKey() ? List.of(auth, sign, "forged:" + spec.keyLabel()) : List.of(auth, sign);
    }

    public HolderCertificates issue(HolderSpec spec) {
        List<String> labels = keyLabels(spec);
        KeyPair authKeys = DeterministicKeys.rsa2048(labels.get(0));
        KeyPair signKeys = DeterministicKeys.rsa2048(labels.get(1));
        KeyPair authCardKey = spec.mismatchedKey() ? DeterministicKeys.rsa2048(labels.get(2)) : authKeys;

        X509Certificate auth = new CertificateBuilder(
                        new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.CN, spec.subjectId()).build(),
                        authKeys.getPublic(), ca.authRoot().name(), ca.authRoot().keys().getPrivate())
                .serial(serial("auth:" + spec.keyLabel() + spec.issued()))
                .validity(startOf(spec.issued()), endOf(spec.authExpiry()))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .extension(Extension.certificatePolicies, false,
                        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(POLICY_AUTH))))
                .authorityKeyId(ca.authRoot().keys().getPublic())
                .subjectKeyId()
                .build();

        X500Name signSubject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP").addRDN(BCStyle.L, "Tokyo-to").addRDN(BCStyle.L, "Chiyoda-ku")
                .addRDN(BCStyle.CN, spec.subjectId() + "S").build();
        X509Certificate sign = new CertificateBuilder(signSubject, signKeys.getPublic(),
                        ca.signRoot().name(), ca.signRoot().keys().getPrivate())
                .serial(serial("sign:" + spec.keyLabel() + spec.issued()))
                .validity(startOf(spec.issued()), endOf(spec.signExpiry()))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .extension(Extension.certificatePolicies, true,
                        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(POLICY_SIGN))))
                .extension(Extension.subjectAlternativeName, false, basicFourFacts(spec))
                .authorityKeyId(ca.signRoot().keys().getPublic())
                .subjectKeyId()
                .build();

        return new HolderCertificates(auth, authCardKey, ca.authRoot().certificate(), sign, signKeys,
                ca.signRoot().certificate());
    }

    private static GeneralNames basicFourFacts(HolderSpec spec) {
        String birth = "4" + spec.birthDate().toString().replace("-", "");
        return new GeneralNames(new GeneralName[] {
            otherName(OID_NAME, spec.name()),
            otherName(OID_SEX, spec.sex()),
            otherName(OID_BIRTH, birth),
            otherName(OID_ADDRESS, spec.address()),
        });
    }

    private static GeneralName otherName(String oid, String value) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1ObjectIdentifier(oid));
        v.add(new DERTaggedObject(true, 0, new DERUTF8String(value)));
        return new GeneralName(GeneralName.otherName, new DERSequence(v));
    }

    private static ZonedDateTime startOf(LocalDate day) {
        return day.atStartOfDay(JST);
    }

    private static ZonedDateTime endOf(LocalDate day) {
        return day.atTime(23, 59, 59).atZone(JST);
    }

    private static BigInteger serial(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, java.util.Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
