package jp.mynadesk.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import jp.mynadesk.reader.PcscProblem;
import org.junit.jupiter.api.Test;

class TransportDecoratorTest {

    @Test
    void getResponseCollectsChainedData() {
        var t = new ScriptedTransport().answer("AABB6102").answer("CCDD9000");
        ResponseApdu r = new GetResponseTransport(t).transmit(HexFormat.of().parseHex("802A00800300112200"));
        assertEquals("AABBCCDD", HexFormat.of().withUpperCase().formatHex(r.data()));
        assertEquals(0x9000, r.sw());
        assertEquals("80C0000002", t.sent.get(1), "GET RESPONSE keeps the command's CLA, as SunPCSC does");
    }

    @Test
    void wrongLeIsResentWithTheLengthTheCardAsked() {
        var t = new ScriptedTransport().answer("6C20").answer("00".repeat(32) + "9000");
        ResponseApdu r = new GetResponseTransport(t).transmit(HexFormat.of().parseHex("00B0000000"));
        assertEquals(32, r.length());
        assertEquals("00B0000020", t.sent.get(1));
    }

    @Test
    void wrongLeOnACommandWithoutLeAppendsItInsteadOfOverwritingTheData() {
        // case 3 (SELECT by FID): SunPCSC's patch of the last byte would turn 000A into 0020
        var t = new ScriptedTransport().answer("6C20").answer("00".repeat(32) + "9000");
        new GetResponseTransport(t).transmit(HexFormat.of().parseHex("00A4020C02000A"));
        assertEquals("00A4020C02000A20", t.sent.get(1));
        // case 4: Le replaced
        var c4 = new ScriptedTransport().answer("6C10").answer("00".repeat(16) + "9000");
        new GetResponseTransport(c4).transmit(HexFormat.of().parseHex("802A00800300112200"));
        assertEquals("802A00800300112210", c4.sent.get(1));
        // case 1: Le appended
        assertEquals("0020008010", HexFormat.of().withUpperCase().formatHex(GetResponseTransport.withLe(HexFormat.of().parseHex("00200080"), 0x10)));
        // extended: left alone, the answer is the card's
        var ext = new ScriptedTransport().answer("6C20");
        assertEquals(0x6C20, new GetResponseTransport(ext).transmit(HexFormat.of().parseHex("00B00000000300")).sw());
        assertEquals(1, ext.sent.size());
    }

    @Test
    void aGetResponseAnsweredWithTheExactLengthIsAskedAgainWithIt() {
        var t = new ScriptedTransport().answer("6100").answer("6C40").answer("00".repeat(64) + "9000");
        ResponseApdu r = new GetResponseTransport(t).transmit(HexFormat.of().parseHex("00B0000000"));
        assertEquals(64, r.length());
        assertEquals(java.util.List.of("00B0000000", "00C0000000", "00C0000040"), t.sent);
    }

    @Test
    void aCardThatRefusesGetResponseInTheProprietaryClassGetsTheInterindustryOne() {
        var t = new ScriptedTransport().answer("6100").answer("6E00").answer("AB".repeat(256) + "9000");
        ResponseApdu r = new GetResponseTransport(t).transmit(HexFormat.of().parseHex("802A00800300112200"));
        assertEquals(256, r.length());
        assertEquals(java.util.List.of("802A00800300112200", "80C0000000", "00C0000000"), t.sent);
    }

    @Test
    void aGetResponseTheReaderCannotCarryIsTakenInSmallerParts() {
        // 256 bytes waiting; the reader refuses a 256-byte answer (6700), then fails a 255-byte one: 224 + 32 it carries
        var t = new ScriptedTransport().answer("6100").answer("6700")
                .fail(new CardTransportException(PcscProblem.OTHER, new javax.smartcardio.CardException("SCARD_E_INSUFFICIENT_BUFFER")))
                .answer("01".repeat(224) + "6120").answer("02".repeat(32) + "9000");
        ResponseApdu r = new GetResponseTransport(t).transmit(HexFormat.of().parseHex("802A00800300112200"));
        assertEquals(256, r.length());
        assertEquals(0x9000, r.sw());
        assertEquals(java.util.List.of("802A00800300112200", "80C0000000", "80C00000FF", "80C00000E0", "80C0000020"), t.sent);
        // a card that left is not asked again
        var gone = new ScriptedTransport().answer("6100").fail(new CardTransportException(PcscProblem.CARD_REMOVED, null));
        assertThrows(CardTransportException.class, () -> new GetResponseTransport(gone).transmit(HexFormat.of().parseHex("00B0000000")));
        assertEquals(2, gone.sent.size());
    }

    @Test
    void endlessMoreDataStopsAtTheCap() {
        CardTransport always61 = c -> ResponseApdu.parse(HexFormat.of().parseHex("016101"));
        ResponseApdu r = new GetResponseTransport(always61).transmit(HexFormat.of().parseHex("00B0000000"));
        assertEquals(0x6101, r.sw());
        assertEquals(GetResponseTransport.MAX_ROUNDS + 1, r.length());
    }

    @Test
    void traceMasksPinBytesButKeepsTheHeader() {
        ApduTrace trace = new ApduTrace();
        var t = new TracingTransport(new ScriptedTransport().answer("63C2").answer("9000"), trace);
        t.transmit(HexFormat.of().parseHex("002000800431323334"));
        t.transmit(HexFormat.of().parseHex("002401800435363738"));
        String text = trace.text();
        assertTrue(text.contains("> 0020008004********"), text);
        assertTrue(text.contains("> 0024018004********"), text);
        assertFalse(text.contains("31323334") || text.contains("35363738"), text);
        assertTrue(text.contains("< 63C2"));
    }

    @Test
    void traceMasksResponsesOnceThePersonalDataApIsSelected() {
        ApduTrace trace = new ApduTrace();
        var t = new TracingTransport(new ScriptedTransport().answer("9000").answer("FF100C3132333435363738393031329000"), trace);
        t.transmit(HexFormat.of().parseHex("00A4040C0AD3921000310001010408"));
        t.transmit(HexFormat.of().parseHex("00B0810011"));
        assertFalse(trace.text().contains("313233343536373839303132"), trace.text());
    }

    @Test
    void traceRecordsTransportFailuresAsEvents() {
        ApduTrace trace = new ApduTrace(() -> 0);
        var failure = new CardTransportException(PcscProblem.CARD_REMOVED, new Exception("SCARD_W_REMOVED_CARD"));
        var t = new TracingTransport(new ScriptedTransport().fail(failure), trace);
        assertThrows(CardTransportException.class, () -> t.transmit(HexFormat.of().parseHex("00B0000000")));
        assertEquals("! CARD_REMOVED SCARD_W_REMOVED_CARD @0.000", trace.lines().get(3));
    }

    @Test
    void responseToStringNeverShowsData() {
        ResponseApdu r = ResponseApdu.parse(HexFormat.of().parseHex("3132333490 00".replace(" ", "")));
        assertFalse(r.toString().contains("31"));
        assertThrows(MalformedResponseException.class, () -> ResponseApdu.parse(new byte[1]));
    }
}
