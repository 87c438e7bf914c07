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
