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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The card's certificates. For the inputs of a built-in profile under the standard CA they are the bundled ones
     * ({@link SimulatorCertificates}: the same bytes, without four RSA signatures at start-up); otherwise signed here.
     */
    public HolderCertificates issue(HolderSpec spec) {
        Issued key = new Issued(ca, spec);
        HolderCertificates issued = ISSUED.get(key);
        if (issued == null) {
            issued = issue(spec, SimulatorCertificates.bundled());
            ISSUED.put(key, issued);
        }
        return issued;
    }

    /** Certificates issued so far, by CA and holder: issuance is a function of the two (deterministic keys, serials). */
    private record Issued(TestCa ca, HolderSpec spec) {}

    /**
     * A scenario run makes two cards per scenario and a test suite hundreds of the same profiles; each card's
     * certificate labels hashed both CA certificates, and a profile outside the bundle had its two certificates signed
     * afresh. The certificates and key pairs handed out are immutable; the card keeps its own PINs and state.
     */
    static final int ISSUED_KEPT = 64;
    private static final Map<Issued, HolderCertificates> ISSUED = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Issued, HolderCertificates> eldest) {
                    return size() > ISSUED_KEPT;
                }
            });

    HolderCertificates issue(HolderSpec spec, SimulatorCertificates bundle) {
        List<String> labels = keyLabels(spec);
        KeyPair authKeys = DeterministicKeys.rsa2048(labels.get(0));
        KeyPair signKeys = DeterministicKeys.rsa2048(labels.get(1));
        KeyPair authCardKey = spec.mismatchedKey() ? DeterministicKeys.rsa2048(labels.get(2)) : authKeys;
        List<String> certificateLabels = certificateLabels(spec);
        TestCa.Authority authCa = ca.authRoot();
        TestCa.Authority signCa = ca.signRoot();

        X509Certificate auth = bundle.find(certificateLabels.get(0), new SimulatorCertificates.Expected(
                authKeys.getPublic(), serial("auth:" + spec.keyLabel() + spec.issued()),
                startOf(spec.issued()).toInstant(), endOf(spec.authExpiry()).toInstant(),
                authCa.certificate().getSubjectX500Principal(), authCa.certificate().getPublicKey()));
        if (auth == null) {
            auth = authCertificate(spec, authKeys);
        }
        X509Certificate sign = bundle.find(certificateLabels.get(1), new SimulatorCertificates.Expected(
                signKeys.getPublic(), serial("sign:" + spec.keyLabel() + spec.issued()),
                startOf(spec.issued()).toInstant(), endOf(spec.signExpiry()).toInstant(),
                signCa.certificate().getSubjectX500Principal(), signCa.certificate().getPublicKey()));
        if (sign == null) {
            sign = signCertificate(spec, signKeys);
        }
        return new HolderCertificates(auth, authCardKey, authCa.certificate(), sign, signKeys, signCa.certificate());
    }

    /**
     * The {@link SimulatorCertificates} labels of the auth and sign certificates {@link #issue} makes for the spec
     * under this CA: the key label and a digest of every field of the spec and of both CA certificates, so a bundled
     * certificate is used only for exactly the inputs it was made from.
     */
    List<String> certificateLabels(HolderSpec spec) {
        Object[] inputs = {
            spec.keyLabel(), spec.subjectId(), String.valueOf(spec.issued()), String.valueOf(spec.authExpiry()),
            String.valueOf(spec.signExpiry()), spec.name(), spec.birthDate() == null ? null : spec.birthDate().toString(),
            spec.sex(), spec.address(), String.valueOf(spec.mismatchedKey()),
            encoded(ca.authRoot().certificate()), encoded(ca.signRoot().certificate()),
        };
        List<String> keys = keyLabels(spec);
        return List.of(SimulatorCertificates.label(keys.get(0), inputs), SimulatorCertificates.label(keys.get(1), inputs));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode CA certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    private X509Certificate authCertificate(HolderSpec spec, KeyPair authKeys) {
        return new CertificateBuilder(
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
    }

    private X509Certificate signCertificate(HolderSpec spec, KeyPair signKeys) {
        X500Name signSubject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP").addRDN(BCStyle.L, "Tokyo-to").addRDN(BCStyle.L, "Chiyoda-ku")
                .addRDN(BCStyle.CN, spec.subjectId() + "S").build();
        return new CertificateBuilder(signSubject, signKeys.getPublic(),
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
