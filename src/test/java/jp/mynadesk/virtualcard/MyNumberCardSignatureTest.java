package jp.mynadesk.virtualcard;

import static jp.mynadesk.virtualcard.CardSession.SELECT_JPKI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import javax.crypto.Cipher;
import jp.mynadesk.card.Jpki;
import org.junit.jupiter.api.Test;

/** COMPUTE DIGITAL SIGNATURE (docs/CARD.md §3.5). */
class MyNumberCardSignatureTest {
    private static final byte[] MESSAGE = "reception challenge 2026-11-22".getBytes(StandardCharsets.UTF_8);

    private final CardSession s = CardSession.of("default");

    private static byte[] digestInfo(byte[] message) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);
        byte[] out = Arrays.copyOf(Jpki.DIGEST_INFO_SHA256, Jpki.DIGEST_INFO_SHA256.length + hash.length);
        System.arraycopy(hash, 0, out, Jpki.DIGEST_INFO_SHA256.length, hash.length);
        return out;
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(key);
        v.update(message);
        return v.verify(signature);
    }

    private byte[] signed(int sw) {
        assertEquals(0x9000, sw);
        assertEquals(256, s.data().length);
        return s.data();
    }

    @Test
    void authSignatureOverDigestInfoVerifiesWithTheCertificateKey() throws Exception {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_AUTH_PIN);
        s.verifyCurrent("1234");
        s.selectEf(Jpki.EF_AUTH_KEY);
        byte[] sig = signed(s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x80, digestInfo(MESSAGE), 0x00)));
        assertTrue(verifies(s.certs.authCertificate().getPublicKey(), MESSAGE, sig));
        assertFalse(verifies(s.certs.authCertificate().getPublicKey(), "other".getBytes(StandardCharsets.UTF_8), sig));
    }

    @Test
    void authKeyBySfiWithoutSelect() throws Exception {
        s.send(SELECT_JPKI);
        s.verifySfi(0x18, "1234");
        byte[] sig = signed(s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x97, digestInfo(MESSAGE), 0x00)));
        assertTrue(verifies(s.certs.authCertificate().getPublicKey(), MESSAGE, sig));
    }

    @Test
    void signKeyNeedsTheSignaturePassword() throws Exception {
        s.send(SELECT_JPKI);
        s.verifySfi(0x18, "1234"); // the auth PIN does not unlock the sign key
        assertEquals(0x6982, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x9A, digestInfo(MESSAGE), 0x00)));
        s.verifySfi(0x1B, "ABC123");
        byte[] sig = signed(s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x9A, digestInfo(MESSAGE), 0x00)));
        assertTrue(verifies(s.certs.signCertificate().getPublicKey(), MESSAGE, sig));
    }

    @Test
    void withoutPinIs6982() throws Exception {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_AUTH_KEY);
        assertEquals(0x6982, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x80, digestInfo(MESSAGE), 0x00)));
        assertEquals(0x6982, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x97, digestInfo(MESSAGE), 0x00)));
    }

    @Test
    void mismatchedKeyCardSignsWithAKeyTheCertificateDoesNotCertify() throws Exception {
        CardSession forged = CardSession.of("mismatched-key");
        forged.send(SELECT_JPKI);
        forged.verifySfi(0x18, "1234");
        assertEquals(0x9000, forged.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x97, digestInfo(MESSAGE), 0x00)));
        byte[] sig = forged.data();
        assertFalse(verifies(forged.certs.authCertificate().getPublicKey(), MESSAGE, sig));
        assertTrue(verifies(forged.certs.authCardKey().getPublic(), MESSAGE, sig));
    }

    @Test
    void cardSideHashingSchemes() throws Exception {
        s.send(SELECT_JPKI);
        s.verifySfi(0x18, "1234");
        PublicKey pub = s.certs.authCertificate().getPublicKey();
        byte[] verbatim = signed(s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x97, digestInfo(MESSAGE), 0x00)));
        byte[] p3 = signed(s.send(CardSession.apdu(0x80, 0x2A, 0x03, 0x97, MESSAGE, 0x00)));
        assertArrayEquals(verbatim, p3); // PKCS#1 v1.5 is deterministic: P1=03 = sha256WithRSA over the message
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
        assertArrayEquals(verbatim, signed(s.send(CardSession.apdu(0x80, 0x2A, 0x02, 0x97, hash, 0x00))));
        byte[] p1 = signed(s.send(CardSession.apdu(0x80, 0x2A, 0x01, 0x97, MESSAGE, 0x00)));
        Cipher open = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        open.init(Cipher.DECRYPT_MODE, pub);
        assertArrayEquals(hash, open.doFinal(p1)); // bare hash under type-1 padding
        assertEquals(0x6700, s.send(CardSession.apdu(0x80, 0x2A, 0x02, 0x97, MESSAGE, 0x00)));
    }

    @Test
    void inputLengthLimits() {
        s.send(SELECT_JPKI);
        s.verifySfi(0x18, "1234");
        assertEquals(0x9000, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x97, new byte[1], 0x00)));
        assertEquals(0x9000, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x97, new byte[245], 0x00)));
        assertEquals(0x6700, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x97, new byte[246], 0x00)));
        assertEquals(0x6700, s.send("802A009700"));
        assertEquals(0x6700, s.send("802A0097"));
    }

    @Test
    void badParametersAndClasses() throws Exception {
        s.send(SELECT_JPKI);
        s.verifySfi(0x18, "1234");
        byte[] di = digestInfo(MESSAGE);
        assertEquals(0x6A86, s.send(CardSession.apdu(0x80, 0x2A, 0x04, 0x97, di, 0x00)));
        assertEquals(0x6A86, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x00, di, 0x00)));
        assertEquals(0x6A86, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x17, di, 0x00)));
        assertEquals(0x6A88, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x98, di, 0x00))); // the PIN EF is no key
        assertEquals(0x6A82, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x99, di, 0x00)));
        assertEquals(0x6986, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x80, di, 0x00))); // no current EF
        s.selectEf(Jpki.EF_AUTH_CERT);
        assertEquals(0x6A88, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x80, di, 0x00)));
        assertEquals(0x6D00, s.send(CardSession.apdu(0x00, 0x2A, 0x00, 0x97, di, 0x00)));
        assertEquals(0x6E00, s.send(CardSession.apdu(0x84, 0x2A, 0x00, 0x97, di, 0x00)));
        assertEquals(0x6D00, s.send(CardSession.apdu(0x0C, 0x2A, 0x00, 0x97, di, 0x00)));
    }

    @Test
    void noApSelected() throws Exception {
        assertEquals(0x6A82, s.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x97, digestInfo(MESSAGE), 0x00)));
    }
}
