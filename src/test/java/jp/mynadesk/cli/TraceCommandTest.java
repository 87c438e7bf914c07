package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.replay.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
    @TempDir
    Path dir;

    @Test
    void anIdenticalReplayExitsZero() throws Exception {
        Path file = dir.resolve("good.trace");
        Files.writeString(file, Recording.record("default", "9999", 0).text());
        CliRun run = CliRun.of("trace", "replay", file.toString(), "--json");
        assertEquals(ExitCode.OK.status, run.exitCode(), run.err());
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertTrue(json.get("identical").asBoolean());
        assertEquals(json.get("recordedCommands").asInt(), json.get("commands").asInt());
        assertEquals("WrongPin[triesLeft=2]", json.get("steps").get(3).get("outcome").asText());
    }

    @Test
    void aDifferingReplayExitsOneAndNamesTheCommand() throws Exception {
        Path file = dir.resolve("edited.trace");
        Files.writeString(file, Recording.record("default", "9999", 0).text().replace("> 00A4020C020006 ", "> 00A4020C020007 "));
        CliRun run = CliRun.of("trace", "replay", "--json", file.toString());
        assertEquals(TraceCommand.DIFFERS, run.exitCode(), run.err());
        JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("divergence");
        assertEquals(2, d.get("command").asInt());
        assertEquals("00A4020C020007", d.get("expected").asText());
        assertEquals("00A4020C020006", d.get("actual").asText());

        CliRun human = CliRun.of("trace", "replay", file.toString());
        assertEquals(TraceCommand.DIFFERS, human.exitCode());
        assertTrue(human.out().contains("00A4020C020007") && human.out().contains("00A4020C020006"), human.out());
    }

    @Test
    void aBrokenFileExitsTwoNamingTheLineWithoutAStackTrace() throws Exception {
        Path file = dir.resolve("broken.trace");
        Files.writeString(file, "@format mynadesk-trace 1\n> 00A4040C @0.001\n< 90 @0.002\n");
        CliRun run = CliRun.of("trace", "replay", file.toString());
        assertEquals(ExitCode.BAD_INPUT.status, run.exitCode());
        assertTrue(run.err().contains("3行目"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("jp.mynadesk"), run.err());

        CliRun missing = CliRun.of("trace", "replay", dir.resolve("nope.trace").toString());
        assertEquals(ExitCode.BAD_INPUT.status, missing.exitCode());
        assertFalse(missing.err().contains("Exception"), missing.err());
    }

    @Test
    void replaysThroughAReaderProfileAndRefusesAnUnknownOne() throws Exception {
        Path file = dir.resolve("good.trace");
        Files.writeString(file, Recording.record("default", "9999", 0).text());
        CliRun run = CliRun.of("trace", "replay", file.toString(), "--reader-profile", "acr39u");
        assertEquals(ExitCode.OK.status, run.exitCode(), run.out() + run.err());
        CliRun bad = CliRun.of("trace", "replay", file.toString(), "--reader-profile", "acr38");
        assertEquals(ExitCode.BAD_INPUT.status, bad.exitCode());
        assertTrue(bad.err().contains("--reader-profile"), bad.err());
    }

    @Test
    void aFailedStepIsSaidInJapaneseNotAsAJavaRecord() throws Exception {
        Path file = dir.resolve("reader-error.trace");
        Files.writeString(file, """
                @format mynadesk-trace 1
                @program mynadesk test
                > 00A4040C0AD392F000260100000001 @0.000
                ! PCSC_ERROR SCARD_F_INTERNAL_ERROR @1.000
                """);
        CliRun run = CliRun.of("trace", "replay", file.toString());
        assertEquals(ExitCode.OK.status, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("アプリ選択: カードリーダーでエラーが起きました。"), run.out());
        assertFalse(run.out().contains("ReaderProblem") || run.out().contains("kind="), run.out());

        CliRun json = CliRun.of("trace", "replay", "--json", file.toString());
        JsonNode step = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("steps").get(0);
        assertEquals("ReaderProblem[kind=OTHER]", step.get("outcome").asText(), "the machine form stays for scripts");
        assertEquals("カードリーダーでエラーが起きました。", step.get("text").asText());
    }

    @Test
    void everyTraceCommandAnswersHelp() {
        assertEquals(ExitCode.OK.status, CliRun.of("trace", "--help").exitCode());
        CliRun help = CliRun.of("trace", "replay", "--help");
        assertEquals(ExitCode.OK.status, help.exitCode());
        assertTrue(help.out().contains("FILE") && help.out().contains("--json"), help.out());
    }
}
