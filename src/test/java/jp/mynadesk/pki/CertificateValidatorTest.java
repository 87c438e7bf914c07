package jp.mynadesk.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mynadesk.rules.CertificateGrace;
import jp.mynadesk.virtualcard.CardProfiles;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateValidatorTest {
    private static final TestCa CA = TestCa.standard();
    private static final CardIssuer ISSUER = new CardIssuer(CA);
    /** Certificate expiring 2026-02-10 (23:59:59 JST): grace until 2026-05-31, warnings from 2025-11-10. */
    private static final HolderSpec FEB_10 = new HolderSpec("grace-test", "GRACETEST00000000000000A", LocalDate.of(2021, 2, 1),
            LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 10), "猶予 太郎", LocalDate.of(1980, 2, 10), "1",
            "東京都", false);

    private static Clock at(LocalDate day) {
        return at(day, LocalTime.NOON);
    }

    private static Clock at(LocalDate day, LocalTime time) {
        return Clock.fixed(day.atTime(time).atZone(CertificateValidator.JST).toInstant(), CertificateValidator.JST);
    }

    private static CertificateVerdict verdict(X509Certificate cert, LocalDate day) {
        return new CertificateValidator(TrustAnchors.testCa(), RevocationSource.skip(), at(day)).validate(cert);
    }

    private static X509Certificate cert(HolderSpec spec) {
        return ISSUER.issue(spec).authCertificate();
    }

    @Test
    void graceDatesFollowTheRule() {
        assertEquals(LocalDate.of(2026, 5, 31), CertificateGrace.lastUsableDay(LocalDate.of(2026, 2, 10)));
        assertEquals(LocalDate.of(2027, 2, 28), CertificateGrace.lastUsableDay(LocalDate.of(2026, 11, 30)));
        assertEquals(LocalDate.of(2028, 2, 29), CertificateGrace.lastUsableDay(LocalDate.of(2027, 11, 1)));
        assertEquals(LocalDate.of(2025, 11, 10), CertificateGrace.warnFrom(LocalDate.of(2026, 2, 10)));
    }

    @Test
    void validWellBeforeExpiry() {
        CertificateVerdict v = verdict(cert(FEB_10), LocalDate.of(2025, 6, 1));
        assertEquals(new CertificateVerdict.Valid(LocalDate.of(2026, 2, 10)), v);
        assertTrue(v.usable());
        assertTrue(v.warning().isEmpty());
    }

    @Test
    void expiringSoonFromThreeMonthsBefore() {
        assertInstanceOf(CertificateVerdict.Valid.class, verdict(cert(FEB_10), LocalDate.of(2025, 11, 9)));
        CertificateVerdict v = verdict(cert(FEB_10), LocalDate.of(2025, 11, 10));
        assertInstanceOf(CertificateVerdict.ExpiringSoon.class, v);
        assertTrue(v.usable());
        assertTrue(v.warning().isPresent());
        assertInstanceOf(CertificateVerdict.ExpiringSoon.class, verdict(cert(FEB_10), LocalDate.of(2026, 2, 10)));
    }

    @Test
    void inGraceFromTheDayAfterExpiryUntilTheEndOfTheThirdMonth() {
        X509Certificate c = cert(FEB_10);
        CertificateValidator lastSecond = new CertificateValidator(TrustAnchors.testCa(), RevocationSource.skip(),
                at(LocalDate.of(2026, 2, 10), LocalTime.of(23, 59, 59)));
        assertInstanceOf(CertificateVerdict.ExpiringSoon.class, lastSecond.validate(c));
        assertEquals(new CertificateVerdict.ValidInGrace(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 5, 31)),
                verdict(c, LocalDate.of(2026, 2, 11)));
        CertificateVerdict dayBefore = verdict(c, LocalDate.of(2026, 5, 30));
        assertInstanceOf(CertificateVerdict.ValidInGrace.class, dayBefore);
        assertTrue(dayBefore.usable());
        assertTrue(dayBefore.warning().orElseThrow().contains("2026-05-31"));
        CertificateValidator lastMinute = new CertificateValidator(TrustAnchors.testCa(), RevocationSource.skip(),
                at(LocalDate.of(2026, 5, 31), LocalTime.of(23, 59, 59)));
        assertInstanceOf(CertificateVerdict.ValidInGrace.class, lastMinute.validate(c));
        assertInstanceOf(CertificateVerdict.ValidInGrace.class, verdict(c, LocalDate.of(2026, 5, 31)));
    }

    @Test
    void expiredAfterTheGrace() {
        CertificateVerdict v = verdict(cert(FEB_10), LocalDate.of(2026, 6, 1));
        assertEquals(new CertificateVerdict.Expired(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 5, 31)), v);
        assertFalse(v.usable());
        CertificateValidator firstSecond = new CertificateValidator(TrustAnchors.testCa(), RevocationSource.skip(),
                at(LocalDate.of(2026, 6, 1), LocalTime.MIDNIGHT));
        assertInstanceOf(CertificateVerdict.Expired.class, firstSecond.validate(cert(FEB_10)));
    }

    @Test
    void expiredProfileIsLongPastGrace() throws Exception {
        var profile = CardProfiles.resolve("expired");
        CertificateVerdict v = verdict(cert(profile.toHolderSpec()), LocalDate.of(2026, 4, 15));
        assertEquals(new CertificateVerdict.Expired(LocalDate.of(2020, 5, 10), LocalDate.of(2020, 8, 31)), v);
    }

    @Test
    void notYetValidBeforeIssue() {
        CertificateVerdict v = verdict(cert(FEB_10), LocalDate.of(2021, 1, 31));
        assertEquals(new CertificateVerdict.NotYetValid(LocalDate.of(2021, 2, 1)), v);
        assertFalse(v.usable());
        assertInstanceOf(CertificateVerdict.Valid.class, verdict(cert(FEB_10), LocalDate.of(2021, 2, 1)));
    }

    @Test
    void foreignCaIsWrongIssuerEvenWithTheSameNames() throws Exception {
        TestCa foreign = TestCa.create("foreign");
        X509Certificate c = new CardIssuer(foreign).issue(CardProfiles.resolve("default").toHolderSpec()).authCertificate();
        assertEquals(CA.authRoot().certificate().getSubjectX500Principal(), c.getIssuerX500Principal());
        CertificateVerdict v = verdict(c, LocalDate.of(2026, 4, 15));
        assertInstanceOf(CertificateVerdict.WrongIssuer.class, v);
        assertFalse(v.usable());
        assertInstanceOf(CertificateVerdict.Valid.class, new CertificateValidator(TrustAnchors.of(foreign),
                RevocationSource.skip(), at(LocalDate.of(2026, 4, 15))).validate(c));
    }

    @Test
    void signatureCertificateRootIsNotAnAuthAnchor() throws Exception {
        X509Certificate sign = ISSUER.issue(CardProfiles.resolve("default").toHolderSpec()).signCertificate();
        assertInstanceOf(CertificateVerdict.WrongIssuer.class, verdict(sign, LocalDate.of(2026, 4, 15)));
    }

    @Test
    void keyUsageWithoutDigitalSignatureIsRefused() {
        KeyPair keys = DeterministicKeys.rsa2048("auth:profile:default");
        X509Certificate c = new CertificateBuilder(
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "NOKEYUSAGE0000000000000").build(),
                keys.getPublic(), CA.authRoot().name(), CA.authRoot().keys().getPrivate())
                .validity(LocalDate.of(2024, 1, 1).atStartOfDay(CertificateValidator.JST),
                        LocalDate.of(2029, 1, 1).atStartOfDay(CertificateValidator.JST))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment))
                .build();
        assertInstanceOf(CertificateVerdict.BadKeyUsage.class, verdict(c, LocalDate.of(2026, 4, 15)));
    }

    @Test
    void revokedThroughTheRevocationSource() throws Exception {
        X509Certificate c = cert(CardProfiles.resolve("revoked").toHolderSpec());
        Instant when = Instant.parse("2025-09-01T00:00:00Z");
        var validator = new CertificateValidator(TrustAnchors.testCa(),
                (cert, issuer) -> cert.getSerialNumber().equals(c.getSerialNumber())
                        ? new RevocationStatus.Revoked(when, "keyCompromise") : new RevocationStatus.Good(),
                at(LocalDate.of(2026, 4, 15)));
        assertEquals(new CertificateVerdict.Revoked(when, "keyCompromise"), validator.validate(c));
        assertInstanceOf(CertificateVerdict.Valid.class,
                validator.validate(cert(CardProfiles.resolve("default").toHolderSpec())));
    }

    @Test
    void forgedCardSignatureDoesNotVerify() throws Exception {
        HolderCertificates forged = ISSUER.issue(CardProfiles.resolve("mismatched-key").toHolderSpec());
        HolderCertificates genuine = ISSUER.issue(CardProfiles.resolve("default").toHolderSpec());
        byte[] challenge = "challenge-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        var validator = new CertificateValidator(TrustAnchors.testCa(), RevocationSource.skip(), at(LocalDate.of(2026, 4, 15)));
        CertificateVerdict v = validator.validateSigned(forged.authCertificate(), challenge,
                sign(forged.authCardKey(), challenge));
        assertInstanceOf(CertificateVerdict.ForgedSignature.class, v);
        assertFalse(v.usable());
        assertInstanceOf(CertificateVerdict.Valid.class, validator.validateSigned(genuine.authCertificate(), challenge,
                sign(genuine.authCardKey(), challenge)));
        assertInstanceOf(CertificateVerdict.ForgedSignature.class, validator.validateSigned(genuine.authCertificate(),
                challenge, new byte[256]));
    }

    @Test
    void garbageBytesAreMalformed() {
        var validator = new CertificateValidator(TrustAnchors.testCa(), RevocationSource.skip(), at(LocalDate.of(2026, 4, 15)));
        assertInstanceOf(CertificateVerdict.Malformed.class, validator.validate(new byte[] {0x30, 0x03, 0x02, 0x01}));
        assertInstanceOf(CertificateVerdict.Malformed.class, validator.validate(new byte[0]));
    }

    @Test
    void trustAnchorsFromPem(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("anchor.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(CA.authRoot().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        TrustAnchors anchors = TrustAnchors.fromPem(pem);
        assertEquals(List.of(CA.authRoot().certificate()), anchors.certificates());
        var validator = new CertificateValidator(anchors, RevocationSource.skip(), at(LocalDate.of(2026, 4, 15)));
        assertInstanceOf(CertificateVerdict.Valid.class, validator.validate(cert(CardProfiles.resolve("default").toHolderSpec())));
        Path bad = dir.resolve("bad.pem");
        Files.writeString(bad, "not a certificate");
        assertThrows(IOException.class, () -> TrustAnchors.fromPem(bad));
    }

    @Test
    void crlRevocationSourceChecksSignatureFreshnessAndCaches() throws Exception {
        X509Certificate revoked = cert(CardProfiles.resolve("revoked").toHolderSpec());
        X509Certificate good = cert(CardProfiles.resolve("default").toHolderSpec());
        Instant now = LocalDate.of(2026, 4, 15).atStartOfDay(CertificateValidator.JST).toInstant();
        X509CRL crl = CrlIssuer.issue(CA.authRoot(), List.of(CrlIssuer.Entry.keyCompromise(revoked.getSerialNumber(),
                Instant.parse("2025-09-01T00:00:00Z"))), now.minusSeconds(60), now.plusSeconds(86_400));
        AtomicInteger fetches = new AtomicInteger();
        byte[] der = crl.getEncoded();
        var source = new CrlRevocationSource(() -> {
            fetches.incrementAndGet();
            return Optional.of(der);
        }, Clock.fixed(now, CertificateValidator.JST));
        var validator = new CertificateValidator(TrustAnchors.testCa(), source, Clock.fixed(now, CertificateValidator.JST));
        CertificateVerdict v = validator.validate(revoked);
        assertInstanceOf(CertificateVerdict.Revoked.class, v);
        assertEquals("keyCompromise", ((CertificateVerdict.Revoked) v).reason());
        assertInstanceOf(CertificateVerdict.Valid.class, validator.validate(good));
        assertEquals(1, fetches.get(), "a current CRL is reused");

        X509CRL foreign = CrlIssuer.issue(TestCa.create("foreign").authRoot(), List.of(), now.minusSeconds(60), now.plusSeconds(60));
        var forgedSource = new CrlRevocationSource(() -> Optional.of(encoded(foreign)), Clock.fixed(now, CertificateValidator.JST));
        assertInstanceOf(RevocationStatus.Unknown.class, forgedSource.status(good, CA.authRoot().certificate()));
        var stale = new CrlRevocationSource(() -> Optional.of(der), Clock.fixed(now.plusSeconds(90_000), CertificateValidator.JST));
        assertInstanceOf(RevocationStatus.Unknown.class, stale.status(good, CA.authRoot().certificate()));
        var offline = new CrlRevocationSource(Optional::empty, Clock.fixed(now, CertificateValidator.JST));
        var offlineValidator = new CertificateValidator(TrustAnchors.testCa(), offline, Clock.fixed(now, CertificateValidator.JST));
        assertInstanceOf(CertificateVerdict.RevocationUnknown.class, offlineValidator.validate(good));
        var junk = new CrlRevocationSource(() -> Optional.of(new byte[] {1, 2, 3}), Clock.fixed(now, CertificateValidator.JST));
        assertInstanceOf(RevocationStatus.Unknown.class, junk.status(good, CA.authRoot().certificate()));
    }

    private static byte[] encoded(X509CRL crl) {
        try {
            return crl.getEncoded();
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(KeyPair keys, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keys.getPrivate());
        s.update(data);
        return s.sign();
    }

    @Test
    void aSmartphoneCertificateHasNoGraceAfterItsExpiry() {
        X509Certificate c = cert(FEB_10);
        CertificateValidator lastSecond = new CertificateValidator(TrustAnchors.testCa(), RevocationSource.skip(),
                at(LocalDate.of(2026, 2, 10), LocalTime.of(23, 59, 59))).withoutGrace();
        assertInstanceOf(CertificateVerdict.ExpiringSoon.class, lastSecond.validate(c));
        CertificateVerdict dayAfter = new CertificateValidator(TrustAnchors.testCa(), RevocationSource.skip(),
                at(LocalDate.of(2026, 2, 11))).withoutGrace().validate(c);
        assertEquals(new CertificateVerdict.Expired(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 10)), dayAfter);
        assertInstanceOf(CertificateVerdict.ValidInGrace.class, verdict(c, LocalDate.of(2026, 2, 11)), "the card keeps its grace");
        assertEquals(LocalDate.of(2026, 2, 10), jp.mynadesk.rules.CertificateGrace.lastUsableDay(LocalDate.of(2026, 2, 10), false));
        assertEquals(LocalDate.of(2026, 5, 31), jp.mynadesk.rules.CertificateGrace.lastUsableDay(LocalDate.of(2026, 2, 10), true));
    }
}
