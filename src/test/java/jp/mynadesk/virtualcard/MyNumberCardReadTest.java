package jp.mynadesk.virtualcard;

import static jp.mynadesk.virtualcard.CardSession.SELECT_JPKI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.mynadesk.card.Jpki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** READ BINARY forms of docs/CARD.md §3.2 over the JPKI files of §2.1. */
class MyNumberCardReadTest {
    private final CardSession s = CardSession.of("default");

    @ParameterizedTest
    @CsvSource({"default, JPKIAPICCTOKEN2", "android, JPKIAPGPSETOKEN", "iphone, JPKIAPIOSTOKEN"})
    void tokenEfIs160BytesWithSpacePaddedLabel(String profile, String label) {
        CardSession c = CardSession.of(profile);
        c.send(SELECT_JPKI);
        c.selectEf(Jpki.EF_TOKEN);
        byte[] token = c.readWholeCurrentEf();
        assertEquals(160, token.length);
        byte[] expected = new byte[32];
        Arrays.fill(expected, (byte) ' ');
        System.arraycopy(label.getBytes(StandardCharsets.US_ASCII), 0, expected, 0, label.length());
        assertArrayEquals(expected, Arrays.copyOf(token, 32));
        ByteBuffer fields = ByteBuffer.wrap(token, 96, 44);
        assertEquals(0x0000040D, fields.getInt());
        fields.position(96 + 20);
        assertEquals(16, fields.getInt()); // maxPinLen
        assertEquals(6, fields.getInt()); // minPinLen
        assertEquals("0301", new String(token, 140, 4, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource({"default, 8F8F00", "face-only, 008F00", "child, 008F00", "iphone, 8F8F00"})
    void certificatePresenceEf(String profile, String bytes) {
        CardSession c = CardSession.of(profile);
        c.send(SELECT_JPKI);
        c.selectEf(Jpki.EF_CERT_PRESENCE);
        assertEquals(0x9000, c.send("00B0000000"));
        assertEquals(bytes, CardSession.hex(c.data()));
    }

    @Test
    void authCertificateReadLikeJpkiMynaSizedFromTheDerHeader() throws Exception {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_AUTH_CERT);
        assertEquals(0x9000, s.send("00B0000007"));
        byte[] head = s.data();
        int total = CardSession.derLength(head);
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.writeBytes(head);
        while (der.size() < total) {
            int chunk = Math.min(256, total - der.size());
            assertEquals(0x9000, s.send(String.format("00B0%04X%02X", der.size(), chunk & 0xFF)));
            assertEquals(chunk, s.data().length);
            der.writeBytes(s.data());
        }
        assertArrayEquals(s.certs.authCertificate().getEncoded(), der.toByteArray());
    }

    @Test
    void certificateEfHasFillerAfterTheDer() throws Exception {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_AUTH_CERT);
        byte[] ef = s.readWholeCurrentEf();
        byte[] der = s.certs.authCertificate().getEncoded();
        assertTrue(ef.length > der.length);
        assertEquals(0, ef.length % 256);
        assertArrayEquals(der, Arrays.copyOf(ef, der.length));
        for (int i = der.length; i < ef.length; i++) {
            assertEquals((byte) 0xFF, ef[i]);
        }
    }

    @Test
    void sfiFormWithExtendedLeLikeMiyamori() throws Exception {
        s.send(SELECT_JPKI);
        assertEquals(0x9000, s.send("00B08A0004"));
        int total = ((s.data()[2] & 0xFF) << 8 | (s.data()[3] & 0xFF)) + 4;
        assertEquals(0x9000, s.send(String.format("00B08A0400%04X", total - 4)));
        assertEquals(total - 4, s.data().length);
        byte[] der = s.certs.authCertificate().getEncoded();
        assertArrayEquals(Arrays.copyOfRange(der, 4, der.length), s.data());
    }

    @Test
    void sfiFormSelectsTheEfImplicitly() {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_TOKEN);
        assertEquals(0x9000, s.send("00B08B0002")); // auth CA 000B
        assertEquals(0x9000, s.send("00B0000002"));
        assertArrayEquals(CardSession.hex("3082"), s.data()); // now reading 000B, not the token
    }

    @Test
    void extendedLeOf65536ReturnsTheRestOfTheEf() throws Exception {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_AUTH_CA_CERT);
        assertEquals(0x9000, s.send("00B00000000000"));
        byte[] der = s.certs.authCaCertificate().getEncoded();
        assertTrue(s.data().length > der.length);
        assertArrayEquals(der, Arrays.copyOf(s.data(), der.length));
    }

    @Test
    void partialReadAtTheEndReturnsTheRemainderWith9000() {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_TOKEN);
        assertEquals(0x9000, s.send("00B0009600")); // offset 150 of 160, Le 256
        assertEquals(10, s.data().length);
    }

    @Test
    void offsetAtOrBeyondTheEndIs6B00() {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_TOKEN);
        assertEquals(0x9000, s.send("00B0009F01"));
        assertEquals(0x6B00, s.send("00B000A001"));
        assertEquals(0x6B00, s.send("00B07FFF01"));
        assertEquals(0x6B00, s.send("00B086A001")); // SFI 6 (token), offset 160
    }

    @Test
    void noCurrentEfIs6986() {
        assertEquals(0x6986, s.send("00B0000004"));
        s.send(SELECT_JPKI);
        assertEquals(0x6986, s.send("00B0000004"));
    }

    @Test
    void sfiNotFound() {
        assertEquals(0x6A82, s.send("00B08A0004")); // no AP selected
        s.send(SELECT_JPKI);
        assertEquals(0x6A82, s.send("00B0830004"));
        assertEquals(0x6A86, s.send("00B0800004")); // SFI 0
        assertEquals(0x6A86, s.send("00B0C00004")); // b7 set
        assertEquals(0x6A86, s.send("00B09F0004")); // SFI 1F is reserved
    }

    @Test
    void readNeedsLeAndNoData() {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_TOKEN);
        assertEquals(0x6700, s.send("00B00000"));
        assertEquals(0x6700, s.send("00B000000100"));
    }

    @Test
    void keyAndPinEfsAreNotReadable() {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_AUTH_KEY);
        assertEquals(0x6981, s.send("00B0000000"));
        s.selectEf(Jpki.EF_AUTH_PIN);
        assertEquals(0x6981, s.send("00B0000000"));
        assertEquals(0x6981, s.send("00B09B0000"));
    }

    @Test
    void caCertificatesAreFree() throws Exception {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_SIGN_CA_CERT);
        byte[] der = s.certs.signCaCertificate().getEncoded();
        assertArrayEquals(der, Arrays.copyOf(s.readWholeCurrentEf(), der.length));
    }

    @Test
    void signCertificateNeedsTheSignaturePassword() throws Exception {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_SIGN_CERT);
        assertEquals(0x6982, s.send("00B0000004"));
        assertEquals(0x6982, s.send("00B0810004"));
        assertEquals(0x9000, s.verifySfi(0x1B, "ABC123"));
        s.selectEf(Jpki.EF_SIGN_CERT);
        byte[] ef = s.readWholeCurrentEf();
        byte[] der = s.certs.signCertificate().getEncoded();
        assertArrayEquals(der, Arrays.copyOf(ef, der.length));
        assertEquals(CardSession.certificate(der).getPublicKey(), s.certs.signCardKey().getPublic());
    }

    @Test
    void phoneTokenAuthCertificateNeedsTheAuthPin() throws Exception {
        CardSession phone = CardSession.of("android");
        phone.send(SELECT_JPKI);
        phone.selectEf(Jpki.EF_AUTH_CERT);
        assertEquals(0x6982, phone.send("00B0000004"));
        assertEquals(0x9000, phone.verifySfi(0x18, "1234"));
        assertEquals(0x9000, phone.send("00B0000004"));
        CardSession iphone = CardSession.of("iphone");
        iphone.send(SELECT_JPKI);
        assertEquals(0x6982, iphone.send("00B08A0004"));
        // the physical card's auth certificate is free
        s.send(SELECT_JPKI);
        assertEquals(0x9000, s.send("00B08A0004"));
    }
}
