package jp.mynadesk.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card certificate issued by an intermediate CA validates when the configured anchors hold the intermediate and
 * its root (docs/CLINIC.md, "Trust"); without the root, with an intermediate that is no CA or has expired, it does
 * not. Anchors are read from PEM files holding several certificates, and from DER.
 */
class TrustChainTest {
    private static final ZonedDateTime FROM = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final ZonedDateTime TO = ZonedDateTime.of(2034, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final KeyPair ROOT_KEYS = DeterministicKeys.rsa2048("chain-test:root");
    private static final KeyPair MID_KEYS = DeterministicKeys.rsa2048("chain-test:intermediate");
    private static final KeyPair CARD_KEYS = DeterministicKeys.rsa2048("chain-test:card");
    private static final X500Name ROOT = new X500Name("C=JP,O=CHAIN-TEST,OU=root");
    private static final X500Name MID = new X500Name("C=JP,O=CHAIN-TEST,OU=intermediate");

    private static final X509Certificate ROOT_CERT = ca(ROOT, ROOT_KEYS, ROOT, ROOT_KEYS, 1, true, FROM, TO);
    private static final X509Certificate MID_CERT = ca(MID, MID_KEYS, ROOT, ROOT_KEYS, 2, true, FROM, TO);
    private static final X509Certificate CARD = new CertificateBuilder(new X500Name("C=JP,CN=CHAINTESTCARD000000000A"),
            CARD_KEYS.getPublic(), MID, MID_KEYS.getPrivate())
            .serial(BigInteger.valueOf(3))
            .validity(FROM, ZonedDateTime.of(2029, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
            .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
            .build();

    private static X509Certificate ca(X500Name subject, KeyPair keys, X500Name issuer, KeyPair issuerKeys, long serial,
                                      boolean isCa, ZonedDateTime from, ZonedDateTime to) {
        return new CertificateBuilder(subject, keys.getPublic(), issuer, issuerKeys.getPrivate())
                .serial(BigInteger.valueOf(serial))
                .validity(from, to)
                .extension(Extension.basicConstraints, true, new BasicConstraints(isCa))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build();
    }

    private static CertificateVerdict check(TrustAnchors anchors) {
        Clock clock = Clock.fixed(LocalDate.of(2026, 4, 15).atStartOfDay(CertificateValidator.JST).toInstant(),
                CertificateValidator.JST);
        return new CertificateValidator(anchors, RevocationSource.skip(), clock).validate(CARD);
    }

    static String pem(X509Certificate... certs) throws Exception {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : certs) {
            out.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return out.toString();
    }

    @Test
    void aCardUnderAnIntermediateChainsToTheRoot() {
        assertInstanceOf(CertificateVerdict.Valid.class, check(TrustAnchors.of(ROOT_CERT, MID_CERT)));
        assertEquals(MID_CERT, TrustAnchors.of(MID_CERT, ROOT_CERT).issuerOf(CARD, null).orElseThrow(),
                "the direct issuer is the one revocation asks about");
    }

    @Test
    void theIntermediateAloneOrTheRootAloneIsNotEnough() {
        assertInstanceOf(CertificateVerdict.WrongIssuer.class, check(TrustAnchors.of(ROOT_CERT)),
                "the card does not carry the intermediate: it must be configured");
        assertInstanceOf(CertificateVerdict.WrongIssuer.class, check(TrustAnchors.of(MID_CERT)),
                "an intermediate that reaches no configured root is not trusted on its own");
        assertFalse(TrustAnchors.of(MID_CERT).chainsToRoot(MID_CERT));
        assertTrue(TrustAnchors.of(MID_CERT, ROOT_CERT).chainsToRoot(MID_CERT));
        assertInstanceOf(CertificateVerdict.WrongIssuer.class, check(TrustAnchors.none()));
    }

    @Test
    void anIntermediateMustBeAValidCa() {
        X509Certificate notCa = ca(MID, MID_KEYS, ROOT, ROOT_KEYS, 4, false, FROM, TO);
        assertInstanceOf(CertificateVerdict.WrongIssuer.class, check(TrustAnchors.of(ROOT_CERT, notCa)));
        X509Certificate expired = ca(MID, MID_KEYS, ROOT, ROOT_KEYS, 5, true, FROM,
                ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertInstanceOf(CertificateVerdict.WrongIssuer.class, check(TrustAnchors.of(ROOT_CERT, expired)));
        X509Certificate foreignRoot = ca(ROOT, DeterministicKeys.rsa2048("chain-test:other-root"), ROOT,
                DeterministicKeys.rsa2048("chain-test:other-root"), 6, true, FROM, TO);
        assertInstanceOf(CertificateVerdict.WrongIssuer.class, check(TrustAnchors.of(foreignRoot, MID_CERT)),
                "a root with the same name but another key does not make the intermediate trusted");
    }

    @Test
    void anchorsFromOnePemWithSeveralCertificatesAndFromDer(@TempDir Path dir) throws Exception {
        Path bundle = Files.writeString(dir.resolve("bundle.pem"), pem(MID_CERT, ROOT_CERT));
        assertEquals(List.of(MID_CERT, ROOT_CERT), TrustAnchors.fromPem(bundle).certificates());
        assertInstanceOf(CertificateVerdict.Valid.class, check(TrustAnchors.fromPem(bundle)));
        Path rootDer = Files.write(dir.resolve("root.cer"), ROOT_CERT.getEncoded());
        Path midPem = Files.writeString(dir.resolve("mid.pem"), pem(MID_CERT));
        assertInstanceOf(CertificateVerdict.Valid.class, check(TrustAnchors.fromPem(rootDer, midPem)));
    }

    @Test
    void testCaPlusConfiguredAnchors() {
        TrustAnchors both = TrustAnchors.testCa().plus(TrustAnchors.of(ROOT_CERT, MID_CERT));
        assertInstanceOf(CertificateVerdict.Valid.class, check(both));
        assertEquals(3, both.certificates().size());
        assertTrue(TrustAnchors.none().isEmpty());
        assertEquals(TrustAnchors.testCa().certificates(), TrustAnchors.none().plus(TrustAnchors.testCa()).certificates());
    }
}
