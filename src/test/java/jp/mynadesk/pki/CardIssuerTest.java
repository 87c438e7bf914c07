package jp.mynadesk.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SignatureException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardIssuerTest {
    private static final LocalDate BIRTH = LocalDate.of(1989, 5, 10);
    private static final LocalDate ISSUED = LocalDate.of(2024, 6, 1);

    private static HolderSpec spec(boolean mismatched) {
        return new HolderSpec("issuer-test", "0123456789ABCDEFGHIJKLM", ISSUED,
                HolderSpec.fifthBirthdayAfter(ISSUED, BIRTH), LocalDate.of(2029, 5, 10),
                "試験 花子", BIRTH, "2", "東京都千代田区霞が関１－２－２", mismatched);
    }

    @ParameterizedTest(name = "issued {0}, born {1} → valid to {2}")
    @CsvSource({
        "2024-06-01, 1989-05-10, 2029-05-10",
        "2024-05-09, 1989-05-10, 2028-05-10",
        "2024-05-10, 1989-05-10, 2029-05-10",
        "2024-03-01, 1988-02-29, 2029-02-28",
    })
    void authCertificateRunsToTheFifthBirthdayAfterIssue(LocalDate issued, LocalDate birth, LocalDate expected) {
        assertEquals(expected, HolderSpec.fifthBirthdayAfter(issued, birth));
    }

    @Test
    void aHolderIsIssuedOncePerCaAndAnotherHolderOrCaGetsItsOwn() throws Exception {
        CardIssuer issuer = new CardIssuer(TestCa.standard());
        HolderCertificates first = issuer.issue(spec(false));
        // another issuer for the same CA: the same certificates, not signed again
        assertSame(first, new CardIssuer(TestCa.standard()).issue(spec(false)));
        // issuance stays the definition: signed afresh, the same bytes
        HolderCertificates fresh = issuer.issue(spec(false), SimulatorCertificates.NONE);
        assertEquals(first.authCertificate(), fresh.authCertificate());
        assertEquals(first.signCertificate(), fresh.signCertificate());
        // another holder, or the same holder under another CA, is its own issuance
        HolderCertificates forged = issuer.issue(spec(true));
        assertNotEquals(first.authCardKey(), forged.authCardKey());
        TestCa other = TestCa.create("foreign");
        HolderCertificates elsewhere = new CardIssuer(other).issue(spec(false));
        assertEquals(other.authRoot().certificate().getSubjectX500Principal(),
                elsewhere.authCertificate().getIssuerX500Principal());
        elsewhere.authCertificate().verify(other.authRoot().certificate().getPublicKey());
        assertThrows(SignatureException.class,
                () -> elsewhere.authCertificate().verify(TestCa.standard().authRoot().certificate().getPublicKey()));
    }

    @Test
    void authCertificateLooksLikeAJpkiOneButNamesTheTestCa() throws Exception {
        TestCa ca = TestCa.standard();
        HolderCertificates c = new CardIssuer(ca).issue(spec(false));
        var auth = c.authCertificate();
        assertEquals("CN=0123456789ABCDEFGHIJKLM,C=JP", auth.getSubjectX500Principal().getName());
        assertTrue(auth.getIssuerX500Principal().getName().contains("O=JPKI-SIM"));
        assertFalse(auth.getIssuerX500Principal().getName().contains("Japan Agency for Local Authority"));
        assertEquals("SHA256withRSA", auth.getSigAlgName());
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) auth.getPublicKey()).getModulus().bitLength());
        assertTrue(auth.getKeyUsage()[0], "digitalSignature");
        auth.verify(ca.authRoot().certificate().getPublicKey());
        // notAfter is the last day 23:59:59 JST = 14:59:59Z, as on real cards.
        assertEquals(LocalDate.of(2029, 5, 10).atTime(14, 59, 59).toInstant(ZoneOffset.UTC), auth.getNotAfter().toInstant());
        c.signCertificate().verify(ca.signRoot().certificate().getPublicKey());
        assertEquals(auth.getPublicKey(), c.authCardKey().getPublic());
    }

    @Test
    void mismatchedKeyCardHoldsAnotherKey() {
        HolderCertificates c = new CardIssuer(TestCa.standard()).issue(spec(true));
        assertNotEquals(c.authCertificate().getPublicKey(), c.authCardKey().getPublic());
    }

    @Test
    void anotherCaWithTheSameNamesDoesNotVerify() {
        var foreign = new CardIssuer(TestCa.create("foreign")).issue(spec(false)).authCertificate();
        assertEquals(TestCa.standard().authRoot().certificate().getSubjectX500Principal(), foreign.getIssuerX500Principal());
        assertThrows(SignatureException.class, () -> foreign.verify(TestCa.standard().authRoot().certificate().getPublicKey()));
    }

    @Test
    void keysAreDerivedFromTheLabelAndMemoised() {
        assertSame(DeterministicKeys.rsa2048("x"), DeterministicKeys.rsa2048("x"));
        var r1 = DeterministicKeys.seeded("same");
        var r2 = DeterministicKeys.seeded("same");
        assertEquals(r1.nextLong(), r2.nextLong(), "same label, same stream");
        assertNotEquals(DeterministicKeys.seeded("a").nextLong(), DeterministicKeys.seeded("b").nextLong());
    }

    @Test
    void expiryBeforeIssueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HolderSpec("k", "id", ISSUED, ISSUED.minusDays(1),
                ISSUED, "n", BIRTH, "1", "a", false));
    }

    /** {@link TestCa#standard()} is built once and is what building it again gives. */
    @Test
    void theStandardCaIsSharedAndTheSameAsANewOne() {
        assertSame(TestCa.standard(), TestCa.standard());
        TestCa fresh = TestCa.create(TestCa.STANDARD);
        assertEquals(fresh.authRoot().certificate(), TestCa.standard().authRoot().certificate());
        assertEquals(fresh.signRoot().certificate(), TestCa.standard().signRoot().certificate());
        assertEquals(fresh.authRoot().keys().getPrivate(), TestCa.standard().authRoot().keys().getPrivate());
    }
}
