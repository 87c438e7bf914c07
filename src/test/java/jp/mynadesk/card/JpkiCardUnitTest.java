package jp.mynadesk.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import javax.smartcardio.CardException;
import jp.mynadesk.reader.PcscProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The driver's decisions on scripted (including malformed) answers; the real card is covered in JpkiCardTest. */
class JpkiCardUnitTest {

    @ParameterizedTest(name = "verify answered {0} → {1}")
    @CsvSource({
        "63C2, WrongPin",
        "63C1, WrongPin",
        "63C0, PinBlocked",
        "6984, PinBlocked",
        "6A88, PinNotSet",
        "6F00, UnexpectedStatus",
    })
    void verifyMapsStatusWordsToTypedFailures(String sw, String failure) {
        var t = new ScriptedTransport().answer("9000").answer(sw);
        CardFailure f = new JpkiCard(t).verifyPin("1234".toCharArray()).failure();
        assertEquals(failure, f.getClass().getSimpleName());
        if (f instanceof CardFailure.WrongPin w) {
            assertEquals(Integer.parseInt(sw.substring(3), 16), w.triesLeft());
        }
    }

    @Test
    void verifySendsAsciiPinAfterSelectingThePinEf() {
        var t = new ScriptedTransport().answer("9000").answer("9000");
        assertTrue(new JpkiCard(t).verifyPin("0429".toCharArray()).isSuccess());
        assertEquals("00A4020C020018", t.sent.get(0));
        assertEquals("002000800430343239", t.sent.get(1));
    }

    @Test
    void badPinFormatIsRefusedBeforeAnythingIsSent() {
        var t = new ScriptedTransport();
        assertThrows(IllegalArgumentException.class, () -> new JpkiCard(t).verifyPin("12a4".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> new JpkiCard(t).verifyPin("12345".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> new JpkiCard(t).verifyPin("１２３４".toCharArray()));
        assertTrue(t.sent.isEmpty());
    }

    @Test
    void retryQueryIsAnEmptyVerifyAndZeroMeansBlocked() {
        var t = new ScriptedTransport().answer("9000").answer("63C3");
        assertEquals(3, new JpkiCard(t).pinTriesLeft().orElseThrow());
        assertEquals("00200080", t.sent.get(1));
        var blocked = new ScriptedTransport().answer("9000").answer("63C0");
        assertInstanceOf(CardFailure.PinBlocked.class, new JpkiCard(blocked).pinTriesLeft().failure());
    }

    @Test
    void removedCardDuringAStepIsATypedOutcome() {
        var removed = new CardTransportException(PcscProblem.CARD_REMOVED, new CardException("x", new Exception("SCARD_W_REMOVED_CARD")));
        var t = new ScriptedTransport().answer("9000").fail(removed);
        assertInstanceOf(CardFailure.CardRemoved.class, new JpkiCard(t).readAuthCertificate().failure());
        var gone = new ScriptedTransport().fail(new CardTransportException(PcscProblem.READER_GONE, null));
        assertEquals(new CardFailure.ReaderProblem(PcscProblem.READER_GONE), new JpkiCard(gone).open().failure());
    }

    @Test
    void responseWithoutStatusWordIsMalformedNotACrash() {
        CardTransport t = c -> ResponseApdu.parse(new byte[] {0x42});
        assertInstanceOf(CardFailure.MalformedResponse.class, new JpkiCard(t).open().failure());
    }

    @Test
    void nonCertificateContentIsMalformed() {
        var notDer = new ScriptedTransport().answer("9000").answer("04020102" + "9000");
        assertInstanceOf(CardFailure.MalformedResponse.class, new JpkiCard(notDer).readAuthCertificate().failure());
        // A DER header claiming more than the file holds: the card answers 6B00 past its end.
        var truncated = new ScriptedTransport().answer("9000").answer("30820400" + "00".repeat(252) + "9000").answer("6B00");
        assertInstanceOf(CardFailure.UnexpectedStatus.class, new JpkiCard(truncated).readAuthCertificate().failure());
        // Garbage that is DER-shaped but not a certificate.
        var garbage = new ScriptedTransport().answer("9000").answer("3003020101" + "9000");
        var f = new JpkiCard(garbage).readAuthCertificate().failure();
        assertInstanceOf(CardFailure.MalformedResponse.class, f);
    }

    @Test
    void unknownTokenLabelIsNotAJpkiCard() {
        String label = HexFormat.of().formatHex("JPKIAPICCTOKEN".getBytes()) + "20".repeat(18);
        var t = new ScriptedTransport().answer("9000").answer("9000").answer(label + "9000");
        var f = new JpkiCard(t).open().failure();
        assertInstanceOf(CardFailure.NotJpkiCard.class, f);
        var notMyna = new ScriptedTransport().answer("6A82");
        assertInstanceOf(CardFailure.NotJpkiCard.class, new JpkiCard(notMyna).open().failure());
    }

    @Test
    void derLengthForms() throws Exception {
        assertEquals(2 + 5, derLen("3005"));
        assertEquals(3 + 0x90, derLen("308190"));
        assertEquals(4 + 0x0400, derLen("30820400"));
    }

    @Test
    void readCommandsUseShortOrExtendedLe() {
        assertArrayEquals(HexFormat.of().parseHex("00B0010700"), JpkiCard.readBinary(0x107, 256, false));
        assertArrayEquals(HexFormat.of().parseHex("00B0000020"), JpkiCard.readBinary(0, 32, false));
        assertArrayEquals(HexFormat.of().parseHex("00B00100000300"), JpkiCard.readBinary(0x100, 0x300, true));
    }

    /**
     * EF 000A as a reader that cannot carry answers over {@code cap} data bytes shows it: SELECT answers 9000, a READ
     * BINARY within the cap gets its bytes, a larger one {@code refusal} (a status word, or a failed exchange).
     */
    private static final class CappedReader implements CardTransport {
        final java.util.List<String> reads = new java.util.ArrayList<>();
        private final byte[] file;
        private final int cap;
        private final java.util.function.Supplier<ResponseApdu> refusal;

        CappedReader(byte[] content, int cap, java.util.function.Supplier<ResponseApdu> refusal) {
            this.file = java.util.Arrays.copyOf(content, (content.length / 256 + 1) * 256); // filler, as on the card
            this.cap = cap;
            this.refusal = refusal;
        }

        @Override
        public ResponseApdu transmit(byte[] c) {
            if ((c[1] & 0xFF) == 0xA4) {
                return new ResponseApdu(new byte[0], 0x9000);
            }
            int offset = ((c[2] & 0x7F) << 8) | (c[3] & 0xFF);
            int le = c.length == 5 ? (c[4] == 0 ? 256 : c[4] & 0xFF) : ((c[5] & 0xFF) << 8) | (c[6] & 0xFF);
            reads.add(HexFormat.of().withUpperCase().formatHex(c, 4, c.length));
            if (c.length != 5 && cap <= 256) {
                return new ResponseApdu(new byte[0], StatusWord.WRONG_LENGTH); // a short-APDU reader
            }
            if (le > cap) {
                return refusal.get();
            }
            return new ResponseApdu(java.util.Arrays.copyOfRange(file, offset, Math.min(file.length, offset + le)), 0x9000);
        }
    }

    private static byte[] certificate() throws Exception {
        return jp.mynadesk.pki.TestCa.standard().authRoot().certificate().getEncoded();
    }

    @Test
    void aReaderThatRefusesLongAnswersGetsSmallerReadsAndTheSizeIsKept() throws Exception {
        byte[] der = certificate();
        CappedReader reader = new CappedReader(der, 253, () -> new ResponseApdu(new byte[0], StatusWord.WRONG_LENGTH));
        JpkiCard card = new JpkiCard(reader);
        assertArrayEquals(der, card.readAuthCertificate().orElseThrow().der());
        assertEquals(java.util.List.of("00", "FF", "E0"), reader.reads.subList(0, 3), "256, 255 refused; 224 read");
        assertTrue(reader.reads.subList(3, reader.reads.size() - 1).stream().allMatch("E0"::equals), reader.reads.toString());
        assertEquals(0xE0, card.readSize());
        reader.reads.clear();
        assertTrue(card.readAuthCertificate().isSuccess());
        assertEquals("E0", reader.reads.get(0), "the size that worked is kept for the session");
    }

    @Test
    void aFailedExchangeAlsoStepsDownButACardThatLeftDoesNot() throws Exception {
        byte[] der = certificate();
        CappedReader failing = new CappedReader(der, 0x80, () -> {
            throw new CardTransportException(PcscProblem.OTHER, new CardException("SCARD_E_INSUFFICIENT_BUFFER"));
        });
        JpkiCard card = new JpkiCard(failing);
        assertArrayEquals(der, card.readAuthCertificate().orElseThrow().der());
        assertEquals(java.util.List.of("00", "FF", "E0", "80"), failing.reads.subList(0, 4));
        assertEquals(0x80, card.readSize());

        CappedReader tiny = new CappedReader(der, 0x40, () -> {
            throw new CardTransportException(PcscProblem.OTHER, new CardException("SCARD_E_INSUFFICIENT_BUFFER"));
        });
        assertEquals(new CardFailure.ReaderProblem(PcscProblem.OTHER), new JpkiCard(tiny).readAuthCertificate().failure(),
                "below 0x80 the driver gives up and says why");

        CappedReader pulled = new CappedReader(der, 0x80, () -> {
            throw new CardTransportException(PcscProblem.CARD_REMOVED, new CardException("SCARD_W_REMOVED_CARD"));
        });
        assertInstanceOf(CardFailure.CardRemoved.class, new JpkiCard(pulled).readAuthCertificate().failure());
        assertEquals(1, pulled.reads.size(), "a card that left is not asked again");
    }

    @Test
    void wrongLengthWithTheExactLengthIsAskedAgainWithIt() throws Exception {
        byte[] der = certificate();
        CappedReader strict = new CappedReader(der, 0xC8, () -> new ResponseApdu(new byte[0], 0x6CC8));
        assertArrayEquals(der, new JpkiCard(strict).readAuthCertificate().orElseThrow().der());
        assertEquals(java.util.List.of("00", "C8"), strict.reads.subList(0, 2), "6CC8: asked again with Le C8");
    }

    @Test
    void extendedReadsRefusedFallBackToShortOnes() throws Exception {
        byte[] der = certificate();
        CappedReader shortOnly = new CappedReader(der, 256, () -> new ResponseApdu(new byte[0], StatusWord.WRONG_LENGTH));
        JpkiCard card = new JpkiCard(shortOnly, true);
        assertArrayEquals(der, card.readAuthCertificate().orElseThrow().der());
        assertEquals(3, shortOnly.reads.get(1).length() / 2, "the second read was extended (Le 00 HH LL): " + shortOnly.reads);
        assertEquals("00", shortOnly.reads.get(2), "then short reads: " + shortOnly.reads);
    }

    private static int derLen(String hex) throws Exception {
        var m = JpkiCard.class.getDeclaredMethod("derLength", byte[].class);
        m.setAccessible(true);
        return (int) m.invoke(null, (Object) HexFormat.of().parseHex(hex));
    }
}
