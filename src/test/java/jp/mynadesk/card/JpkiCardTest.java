package jp.mynadesk.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.Card;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.TerminalOptions;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The host driver through javax.smartcardio against the virtual card in the in-JVM reader. */
class JpkiCardTest {
    private static final byte[] CHALLENGE = "reception-challenge-0001".getBytes();

    private final VirtualTerminals terminals = new VirtualTerminals();

    private Card insert(String profile, TerminalOptions options) throws Exception {
        VirtualTerminal terminal = terminals.plug("reader", options);
        terminal.insert(MyNumberCard.of(CardProfiles.resolve(profile)));
        var t = terminals.factory().terminals().list().get(0);
        return t.connect("*");
    }

    private JpkiCard driver(Card card, boolean extended) {
        return new JpkiCard(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())), extended);
    }

    @ParameterizedTest(name = "T=0 mode {0}")
    @ValueSource(booleans = {false, true})
    void readVerifySignOnTheDefaultCard(boolean t0) throws Exception {
        Card card = insert("default", TerminalOptions.DEFAULT.withT0(t0).withHostGetResponse(!t0));
        JpkiCard jpki = driver(card, false);
        assertEquals(TokenKind.CARD, jpki.open().orElseThrow());
        AuthCertificate cert = jpki.readAuthCertificate().orElseThrow();
        var expected = new CardIssuer(TestCa.standard()).issue(CardProfiles.resolve("default").toHolderSpec()).authCertificate();
        assertArrayEquals(expected.getEncoded(), cert.der(), "certificate read byte-identical to the profile's");
        assertEquals(3, jpki.pinTriesLeft().orElseThrow());
        assertTrue(jpki.verifyPin("1234".toCharArray()).isSuccess());
        byte[] signature = jpki.signSha256(sha256(CHALLENGE)).orElseThrow();
        assertTrue(verifies(cert, signature));
    }

    @Test
    void extendedReadNeedsFewerApdusAndGivesTheSameCertificate() throws Exception {
        Card card = insert("default", TerminalOptions.DEFAULT);
        List<String> shortReads = new ArrayList<>();
        List<String> longReads = new ArrayList<>();
        JpkiCard shortDriver = new JpkiCard(recording(card, shortReads));
        JpkiCard longDriver = new JpkiCard(recording(card, longReads), true);
        shortDriver.open();
        longDriver.open();
        shortReads.clear();
        longReads.clear();
        var shortCert = shortDriver.readAuthCertificate().orElseThrow();
        var longCert = longDriver.readAuthCertificate().orElseThrow();
        assertEquals(shortCert, longCert);
        assertTrue(longReads.size() < shortReads.size(), longReads + " vs " + shortReads);
        assertTrue(shortReads.stream().allMatch(c -> !c.startsWith("00B0") || c.length() == 10), "short reads only");
    }

    @Test
    void wrongPinCountsDownThenBlocks() throws Exception {
        JpkiCard jpki = driver(insert("default", TerminalOptions.DEFAULT), false);
        jpki.open();
        assertEquals(new CardFailure.WrongPin(2), jpki.verifyPin("0000".toCharArray()).failure());
        assertEquals(2, jpki.pinTriesLeft().orElseThrow(), "the query does not consume a try");
        assertEquals(new CardFailure.WrongPin(1), jpki.verifyPin("0000".toCharArray()).failure());
        assertInstanceOf(CardFailure.PinBlocked.class, jpki.verifyPin("0000".toCharArray()).failure());
        assertInstanceOf(CardFailure.PinBlocked.class, jpki.verifyPin("1234".toCharArray()).failure(), "6984 after");
        assertInstanceOf(CardFailure.PinBlocked.class, jpki.pinTriesLeft().failure());
    }

    @Test
    void successResetsTheCounter() throws Exception {
        JpkiCard jpki = driver(insert("one-try-left", TerminalOptions.DEFAULT), false);
        jpki.open();
        assertEquals(1, jpki.pinTriesLeft().orElseThrow());
        assertTrue(jpki.verifyPin("1234".toCharArray()).isSuccess());
        assertEquals(3, jpki.pinTriesLeft().orElseThrow());
    }

    @Test
    void signingWithoutPinIsRefusedByTheCard() throws Exception {
        JpkiCard jpki = driver(insert("default", TerminalOptions.DEFAULT), false);
        jpki.open();
        assertEquals(new CardFailure.UnexpectedStatus("sign", StatusWord.SECURITY_STATUS_NOT_SATISFIED),
                jpki.signSha256(sha256(CHALLENGE)).failure());
    }

    @Test
    void blockedFaceOnlyAndPhoneProfiles() throws Exception {
        JpkiCard blocked = driver(insert("blocked", TerminalOptions.DEFAULT), false);
        blocked.open();
        assertInstanceOf(CardFailure.PinBlocked.class, blocked.pinTriesLeft().failure());
        terminals.unplug("reader");

        JpkiCard faceOnly = driver(insert("face-only", TerminalOptions.DEFAULT), false);
        faceOnly.open();
        assertTrue(faceOnly.readAuthCertificate().isSuccess(), "visual mode reads the certificate without PIN");
        assertEquals(3, faceOnly.pinTriesLeft().orElseThrow(), "the query answers as on a plain card (docs/CARD.md §2.6)");
        assertInstanceOf(CardFailure.PinNotSet.class, faceOnly.verifyPin("1234".toCharArray()).failure());
        terminals.unplug("reader");

        JpkiCard android = driver(insert("android", TerminalOptions.DEFAULT), false);
        assertEquals(TokenKind.ANDROID, android.open().orElseThrow());
        assertEquals(StatusWord.SECURITY_STATUS_NOT_SATISFIED,
                ((CardFailure.UnexpectedStatus) android.readAuthCertificate().failure()).sw());
        assertTrue(android.verifyPin("1234".toCharArray()).isSuccess());
        assertTrue(android.readAuthCertificate().isSuccess(), "phone token: certificate readable after the PIN");
    }

    @Test
    void forgedCardSignatureDoesNotVerify() throws Exception {
        JpkiCard jpki = driver(insert("mismatched-key", TerminalOptions.DEFAULT), false);
        jpki.open();
        AuthCertificate cert = jpki.readAuthCertificate().orElseThrow();
        jpki.verifyPin("1234".toCharArray());
        assertFalse(verifies(cert, jpki.signSha256(sha256(CHALLENGE)).orElseThrow()));
    }

    @Test
    void cardRemovedMidStepIsTypedAndARetryAfterReinsertionWorks() throws Exception {
        VirtualTerminal terminal = terminals.plug("reader", TerminalOptions.DEFAULT);
        MyNumberCard chip = MyNumberCard.of(CardProfiles.resolve("default"));
        terminal.insert(chip);
        Card card = terminal.connect("*");
        JpkiCard jpki = driver(card, false);
        jpki.open();
        // Pull the card after the first READ BINARY of the certificate (the reader's fault hook runs mid-exchange).
        terminal.setResponseTamperer((command, response) -> {
            if ((command[1] & 0xFF) == 0xB0) {
                terminal.remove();
            }
            return response;
        });
        assertInstanceOf(CardFailure.CardRemoved.class, jpki.readAuthCertificate().failure());
        assertInstanceOf(CardFailure.CardRemoved.class, jpki.pinTriesLeft().failure(), "later calls: still removed");

        terminal.setResponseTamperer(null);
        terminal.insert(chip);
        JpkiCard again = driver(terminal.connect("*"), false);
        assertTrue(again.open().isSuccess());
        assertTrue(again.readAuthCertificate().isSuccess());
    }

    /**
     * The card shapes of real cards and readers (docs/CARD.md §8.3): the contact ATR of cards issued since 2016, and a
     * card that talks T=0 (61xx / GET RESPONSE) — with the stack's automatic GET RESPONSE, and without it, where the
     * driver's own {@link GetResponseTransport} collects the answers.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"card-2016, true", "card-2016, false", "t0-card, true", "t0-card, false"})
    void realCardShapesReadVerifyAndSign(String profile, boolean stackGetResponse) throws Exception {
        Card card = insert(profile, TerminalOptions.DEFAULT.withHostGetResponse(stackGetResponse));
        assertArrayEquals(CardProfiles.resolve(profile).atrBytes(), card.getATR().getBytes());
        List<String> sent = new ArrayList<>();
        CardTransport raw = recording(card, sent);
        List<String> answers = new ArrayList<>();
        JpkiCard jpki = new JpkiCard(new GetResponseTransport(c -> {
            ResponseApdu r = raw.transmit(c);
            answers.add(StatusWord.hex(r.sw()));
            return r;
        }));
        assertEquals(TokenKind.CARD, jpki.open().orElseThrow());
        AuthCertificate cert = jpki.readAuthCertificate().orElseThrow();
        assertEquals(3, jpki.pinTriesLeft().orElseThrow());
        assertTrue(jpki.verifyPin("1234".toCharArray()).isSuccess());
        assertTrue(verifies(cert, jpki.signSha256(sha256(CHALLENGE)).orElseThrow()));
        boolean procedureBytesSeen = answers.stream().anyMatch(sw -> sw.startsWith("61"));
        assertEquals(profile.equals("t0-card") && !stackGetResponse, procedureBytesSeen,
                "61xx reach the driver only from the T=0 card with the stack's handling off: " + answers);
        if (procedureBytesSeen) {
            assertTrue(sent.stream().anyMatch(c -> c.startsWith("80C00000") || c.startsWith("00C00000")), sent.toString());
        }
    }

    @Test
    void aCardWithoutJpkiIsNotAMyNumberCard() throws Exception {
        VirtualTerminal terminal = terminals.plug("reader", TerminalOptions.DEFAULT);
        terminal.insert(new jp.mynadesk.virtualcard.EmulatedCard() {
            public byte[] atr() { return new byte[] {0x3B, 0x00}; }
            public void powerOn() {}
            public void powerOff() {}
            public void reset() {}
            public byte[] process(byte[] c) { return new byte[] {0x6A, (byte) 0x82}; }
        });
        assertInstanceOf(CardFailure.NotJpkiCard.class, driver(terminal.connect("*"), false).open().failure());
    }

    @Test
    void theDriverNeverSelectsThePersonalDataApplication() throws Exception {
        Card card = insert("default", TerminalOptions.DEFAULT);
        List<String> sent = new ArrayList<>();
        JpkiCard jpki = new JpkiCard(recording(card, sent));
        jpki.open();
        jpki.readAuthCertificate();
        jpki.pinTriesLeft();
        jpki.verifyPin("1234".toCharArray());
        jpki.signSha256(sha256(CHALLENGE));
        String textAid = java.util.HexFormat.of().withUpperCase().formatHex(Jpki.AID_TEXT);
        assertTrue(sent.stream().noneMatch(c -> c.contains(textAid)), sent.toString());
        assertTrue(sent.stream().filter(c -> c.startsWith("00A404")).allMatch(c -> c.endsWith("D392F000260100000001")));
    }

    private static CardTransport recording(Card card, List<String> sent) {
        CardTransport inner = new SmartcardioTransport(card.getBasicChannel());
        return c -> {
            sent.add(java.util.HexFormat.of().withUpperCase().formatHex(c));
            return inner.transmit(c);
        };
    }

    static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    static boolean verifies(AuthCertificate cert, byte[] signature) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(cert.certificate().getPublicKey());
        s.update(CHALLENGE);
        return s.verify(signature);
    }
}
