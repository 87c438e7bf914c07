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

    private static int derLen(String hex) throws Exception {
        var m = JpkiCard.class.getDeclaredMethod("derLength", byte[].class);
        m.setAccessible(true);
        return (int) m.invoke(null, (Object) HexFormat.of().parseHex(hex));
    }
}
