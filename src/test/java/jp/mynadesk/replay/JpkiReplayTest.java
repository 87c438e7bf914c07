package jp.mynadesk.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.Trace;
import jp.mynadesk.virtualcard.ReplayCard;
import org.junit.jupiter.api.Test;

class JpkiReplayTest {

    @Test
    void aGoodSessionReplaysIdenticallyWithoutThePin() throws Exception {
        Trace recorded = Recording.record("default", profilePin(), 0);
        assertFalse(recorded.text().contains(hex(profilePin())), "the PIN never reaches the trace");
        Trace parsed = ApduTrace.parse(recorded.text());
        ReplayReport report = JpkiReplay.run(parsed, ms -> { });
        assertTrue(report.identical(), () -> report + "\n" + recorded.text());
        assertEquals(recorded.commands().size(), report.commands());
        assertEquals(List.of("open", "read certificate", "PIN tries", "verify PIN", "sign"),
                report.steps().stream().map(ReplayReport.Step::name).toList());
        assertTrue(report.steps().stream().allMatch(s -> s.outcome().equals("success")), report.steps()::toString);
    }

    @Test
    void aWrongPinReplaysAsTheSameWrongPin() throws Exception {
        Trace recorded = ApduTrace.parse(Recording.record("default", "9999", 0).text());
        ReplayReport report = JpkiReplay.run(recorded, ms -> { });
        assertTrue(report.identical(), report::toString);
        assertEquals("WrongPin[triesLeft=2]", report.steps().get(report.steps().size() - 1).outcome());
    }

    @Test
    void aRecordedRemovalTakesTheCardOutAtThatCommand() throws Exception {
        Trace recorded = ApduTrace.parse(Recording.record("default", profilePin(), 6).text());
        assertTrue(recorded.text().contains("! CARD_REMOVED SCARD_W_REMOVED_CARD"), recorded.text());
        ReplayReport report = JpkiReplay.run(recorded, ms -> { });
        assertTrue(report.identical(), report::toString);
        assertEquals(6, report.commands());
        assertEquals("CardRemoved[]", report.steps().get(report.steps().size() - 1).outcome());
    }

    @Test
    void aChangedConversationPointsAtTheFirstDifferingCommand() throws Exception {
        String text = Recording.record("default", profilePin(), 0).text();
        // The recording asked for the token with Le=20; pretend the field host read a different length.
        String edited = text.replace("> 00B0000020 ", "> 00B0000010 ");
        Trace trace = ApduTrace.parse(edited);
        ReplayReport report = JpkiReplay.run(trace, ms -> { });
        assertFalse(report.identical());
        ReplayCard.Divergence d = report.divergence().orElseThrow();
        assertEquals(3, d.command());
        assertEquals("00B0000010", d.expected());
        assertEquals("00B0000020", d.actual());
        assertEquals(lineOf(edited, "> 00B0000010 "), d.line());
    }

    @Test
    void aHostThatStopsEarlyIsReportedWithTheCommandItNeverSent() throws Exception {
        Trace full = Recording.record("default", profilePin(), 0);
        // Drop the VERIFY answer's successor steps' host: a recording with an extra command at the end.
        String text = full.text() + "> 00A4020C020017 @999.000\n< 9000 @999.001\n";
        ReplayReport report = JpkiReplay.run(ApduTrace.parse(text), ms -> { });
        ReplayCard.Divergence d = report.divergence().orElseThrow();
        assertEquals("00A4020C020017", d.expected());
        assertNull(d.actual());
        assertEquals(full.commands().size() + 1, d.command());
    }

    @Test
    void recordedDelaysAreWaitedOutThroughThePause() throws Exception {
        String text = Recording.record("default", profilePin(), 0).text()
                .replaceFirst("(> 00A4040C0AD392F000260100000001 @(\\d+\\.\\d{3})\n)", "$1! DELAY 1500ms @$2\n");
        List<Long> pauses = new ArrayList<>();
        ReplayReport report = JpkiReplay.run(ApduTrace.parse(text), pauses::add);
        assertTrue(report.identical(), report::toString);
        assertEquals(List.of(1500L), pauses);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "PCSC_ERROR SCARD_E_SHARING_VIOLATION, ReaderProblem[kind=SHARING_VIOLATION]",
        "PCSC_ERROR SCARD_E_TIMEOUT,           ReaderProblem[kind=TIMEOUT]",
        "READER_GONE SCARD_E_READER_UNAVAILABLE, ReaderProblem[kind=READER_GONE]",
        "CARD_REMOVED,                         CardRemoved[]",
    })
    void recordedPcscFailuresReplayAsTheSameFailure(String event, String outcome) throws Exception {
        String text = """
                @format mynadesk-trace 1
                @program mynadesk test
                > 00A4040C0AD392F000260100000001 @0.000
                ! %s @1.000
                """.formatted(event);
        ReplayReport report = JpkiReplay.run(ApduTrace.parse(text), ms -> { });
        assertTrue(report.identical(), report::toString);
        assertEquals(List.of("open"), report.steps().stream().map(ReplayReport.Step::name).toList());
        assertEquals(outcome, report.steps().get(0).outcome());
    }

    @Test
    void aRecordingReplaysThroughAnotherReaderProfile() throws Exception {
        Trace recorded = ApduTrace.parse(Recording.record("default", profilePin(), 0).text());
        var t0 = jp.mynadesk.virtualcard.reader.ReaderProfiles.resolve("acr39u");
        assertTrue(JpkiReplay.run(recorded, t0, () -> 0, ms -> { }).identical(), "T=0 framing does not change the conversation");

        var tiny = new jp.mynadesk.virtualcard.reader.ReaderProfile("tiny", "100-byte answers", "none", "Tiny 00 00",
                null, false, true, 100, 0, 0);
        ReplayReport capped = JpkiReplay.run(recorded, tiny, () -> 0, ms -> { });
        ReplayCard.Divergence d = capped.divergence().orElseThrow();
        // the recording read 256 bytes at a time; this reader fails that, so the host steps its read size down
        // (docs/CARD.md) and sends a READ BINARY the recording never made: the replay shows where they part
        assertEquals("00B00000FF", String.valueOf(d.actual()), "the host's first smaller read");
    }

    static String profilePin() throws Exception {
        return jp.mynadesk.virtualcard.CardProfiles.resolve("default").authPin();
    }

    private static String hex(String pin) {
        return java.util.HexFormat.of().withUpperCase().formatHex(pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }
}
