package jp.mynadesk.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynadesk.reader.PcscProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceFormatTest {
    private final AtomicLong nanos = new AtomicLong();
    private final ApduTrace trace = new ApduTrace(nanos::get);

    private void at(long micros) {
        nanos.set(micros * 1000);
    }

    @Test
    void writesHeaderAndStampedLinesThatParseBackToTheSameTrace() throws Exception {
        trace.header(new TraceHeader("mynadesk 1.2.3", "SONY FeliCa RC-S300/S (0) 00 00", "3BE000FF8131FE4514", "T=1",
                "default", OffsetDateTime.parse("2026-11-22T09:00:00+09:00")));
        var t = new TracingTransport(new ScriptedTransport().answer("9000").answer("63C2")
                .fail(new CardTransportException(PcscProblem.READER_GONE, new Exception("SCARD_E_READER_UNAVAILABLE"))), trace);
        at(0);
        t.transmit(HexFormat.of().parseHex("00A4040C0AD392F000260100000001"));
        at(12_345);
        trace.comment("patient types the PIN");
        t.transmit(HexFormat.of().parseHex("002000800431323334"));
        at(20_000);
        assertThrows(CardTransportException.class, () -> t.transmit(HexFormat.of().parseHex("00B0000000")));

        String text = trace.text();
        assertEquals("""
                @format mynadesk-trace 1
                @program mynadesk 1.2.3
                @reader SONY FeliCa RC-S300/S (0) 00 00
                @atr 3BE000FF8131FE4514
                @protocol T=1
                @profile default
                @started 2026-11-22T09:00+09:00
                > 00A4040C0AD392F000260100000001 @0.000
                < 9000 @0.000
                # patient types the PIN
                > 0020008004******** @12.345
                < 63C2 @12.345
                > 00B0000000 @20.000
                ! READER_GONE SCARD_E_READER_UNAVAILABLE @20.000
                """, text);
        Trace parsed = ApduTrace.parse(text);
        assertEquals(trace.snapshot(), parsed);
        assertEquals(text, parsed.text());
    }

    @Test
    void aSlowAnswerGetsADelayLineBeforeIt() throws Exception {
        var t = new TracingTransport(command -> {
            at(1_700_000);
            return ResponseApdu.parse(HexFormat.of().parseHex("9000"));
        }, trace);
        at(200_000);
        t.transmit(HexFormat.of().parseHex("802A00800300112200"));
        var lines = trace.lines();
        assertEquals("! DELAY 1500ms @1700.000", lines.get(lines.size() - 2));
        assertEquals(1500, ((TraceEntry.Event) ApduTrace.parse(trace.text()).entries().get(1)).delayMillis());
    }

    @Test
    void anAnswerSlowerThanAMinuteIsRecordedAsTheLongestDelayATraceMayHold() throws Exception {
        var t = new TracingTransport(command -> {
            at(200_000 + 3_600_000_000L); // an hour
            return ResponseApdu.parse(HexFormat.of().parseHex("9000"));
        }, trace);
        at(200_000);
        t.transmit(HexFormat.of().parseHex("802A00800300112200"));
        var lines = trace.lines();
        assertEquals("! DELAY 60000ms @3600200.000", lines.get(lines.size() - 2));
        assertEquals(ApduTrace.MAX_DELAY_MILLIS, ((TraceEntry.Event) ApduTrace.parse(trace.text()).entries().get(1)).delayMillis(),
                "what is recorded can be replayed");
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> ApduTrace.parse(trace.text().replace("DELAY 60000ms", "DELAY 60001ms")));
        assertTrue(e.problem().contains("60000ms"), e.problem());
    }

    @Test
    void aFailureWithoutScardNameStillRecordsOneTheReplayCanRaise() {
        var t = new TracingTransport(new ScriptedTransport()
                .fail(new CardTransportException(PcscProblem.SHARING_VIOLATION, new IllegalStateException("Exclusive access"))), trace);
        assertThrows(CardTransportException.class, () -> t.transmit(HexFormat.of().parseHex("00B0000000")));
        assertTrue(trace.text().contains("! PCSC_ERROR SCARD_E_SHARING_VIOLATION"), trace.text());
    }

    @Test
    void personalDataStaysMaskedThroughParse() throws Exception {
        var t = new TracingTransport(new ScriptedTransport().answer("9000").answer("3132339000"), trace);
        t.transmit(HexFormat.of().parseHex("00A4040C0AD3921000310001010408"));
        t.transmit(HexFormat.of().parseHex("00B0000003"));
        var response = (TraceEntry.Response) ApduTrace.parse(trace.text()).entries().get(3);
        assertEquals("******", response.dataHex());
        assertEquals("0000009000", HexFormat.of().withUpperCase().formatHex(response.toBytes()));
    }

    /** Each malformed trace is refused with the number of the offending line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "> 00A4040C @0.000|1",
        "@format mynadesk-trace 1\\n@colour red|2",
        "@format mynadesk-trace 1\\n> 00A4040C|2",
        "@format mynadesk-trace 1\\n> 00A4040C @0.001\\n< 90 @0.002|3",
        "@format mynadesk-trace 1\\n< 9000 @0.002|2",
        "@format mynadesk-trace 1\\n> 00A4040C @0.001\\n> 00A4040C @0.002|2",
        "@format mynadesk-trace 1\\n> 00A4040C @0.001\\n! PCSC_ERROR oops @0.002|3",
        "@format mynadesk-trace 1\\n> 00A4040C @0.001\\n! EXPLODED @0.002|3",
        "@format mynadesk-trace 1\\n> 00A4040C @0.005\\n< 9000 @0.002|3",
        "@format mynadesk-trace 1\\n> 00A4**0C @0.005\\n< 9000 @0.006|2",
        "@format mynadesk-trace 1\\n> 00A4040C @0.005\\n< 9000 @0.006\\n@reader late|4",
        "@format mynadesk-trace 1\\n@atr 3be0|2",
        "@format mynadesk-trace 1\\n\\n> 00B00000 @0.001|3",
    })
    void malformedTracesNameTheLine(String text, int line) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> ApduTrace.parse(text.replace("\\n", "\n")));
        assertEquals(line, e.line(), e.getMessage());
    }
}
