package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCommandTest {
    @TempDir
    Path dir;

    private Path pass() throws Exception {
        Path f = dir.resolve("pass.yaml");
        Files.writeString(f, "name: ok\nasOf: 2026-12-01\ncard: default\nsteps:\n  - check: {consent: all}\n"
                + "  - expect: {outcome: confirmed}\n");
        return f;
    }

    @Test
    void allPassedIsZeroWithASummaryAndAJUnitReport() throws Exception {
        Path junit = dir.resolve("reports/scenarios.xml");
        CliRun run = CliRun.of("scenario", "run", pass().toString(), "--junit", junit.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(Files.readString(junit).contains("<testcase "), "report written");
    }

    @Test
    void anyFailureIsOneAndTheOthersStillRun() throws Exception {
        pass();
        Files.writeString(dir.resolve("broken.yaml"), "name: broken\nsteps:\n  - check: {mode: face}\n");
        CliRun run = CliRun.of("scenario", "run", dir.toString(), "--json");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(2, json.get("total").asInt());
        assertEquals(1, json.get("passed").asInt());
        JsonNode broken = json.get("scenarios").get(0);
        assertFalse(broken.get("passed").asBoolean());
        assertTrue(broken.get("message").asText().contains(":3: steps[0].check.mode"), broken.toString());
    }

    @Test
    void theSummarySaysWhichTimeItRanInAndWhatItCost() throws Exception {
        pass();
        for (String time : new String[] {"virtual", "real"}) {
            CliRun run = time.equals("real") ? CliRun.of("scenario", "run", dir.toString(), "--json", "--real-time")
                    : CliRun.of("scenario", "run", dir.toString(), "--json");
            assertEquals(0, run.exitCode(), run.out() + run.err());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals(time, json.get("time").asText());
            for (String field : new String[] {"wallSeconds", "cpuSeconds", "wallPerCpu", "scenariosPerSecond"}) {
                assertTrue(json.get(field).isNumber(), field + " in " + json);
            }
            assertTrue(json.has("waitingForCpuSeconds"), json.toString());
        }
        CliRun text = CliRun.of("scenario", "run", dir.toString());
        assertTrue(text.out().contains("仮想時間、実時間 ") && text.out().contains("CPU "), text.out());
    }

    @Test
    void jobsOutsideOneToSixteenIsBadUsageNamingTheOption() throws Exception {
        pass();
        for (String bad : new String[] {"0", "17", "-1", "two", ""}) {
            CliRun run = CliRun.of("scenario", "run", dir.toString(), "--jobs", bad);
            assertEquals(2, run.exitCode(), bad + ": " + run.out() + run.err());
            assertTrue(run.err().contains("--jobs") && run.err().contains("1 から 16"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        CliRun pcsc = CliRun.of("scenario", "run", dir.toString(), "--pcsc", "--jobs", "2");
        assertEquals(2, pcsc.exitCode(), pcsc.out() + pcsc.err());
        assertTrue(pcsc.err().contains("--jobs") && pcsc.err().contains("--pcsc"), pcsc.err());
        assertTrue(CliRun.of("scenario", "run", "--help").out().contains("--jobs"));
    }

    @Test
    void manyJobsPrintWhatOneJobPrintsInTheSameOrder() throws Exception {
        pass();
        Files.writeString(dir.resolve("broken.yaml"), "name: broken\nsteps:\n  - check: {mode: face}\n");
        Files.writeString(dir.resolve("c-wrong.yaml"), "name: wrong\nasOf: 2026-12-01\ncard: default\nsteps:\n"
                + "  - check: {consent: all}\n  - expect: {outcome: rejected}\n");
        Files.writeString(dir.resolve("d-pass.yaml"), Files.readString(dir.resolve("pass.yaml")).replace("name: ok", "name: ok2"));
        CliRun one = CliRun.of("scenario", "run", dir.toString(), "--jobs", "1");
        CliRun three = CliRun.of("scenario", "run", dir.toString(), "--jobs", "3");
        assertEquals(1, one.exitCode(), one.out() + one.err());
        assertEquals(1, three.exitCode(), three.out() + three.err());
        assertEquals(withoutSummary(one.out()), withoutSummary(three.out()));
        JsonNode a = new ObjectMapper().readTree(CliRun.of("scenario", "run", dir.toString(), "--json", "--jobs", "1").out());
        JsonNode b = new ObjectMapper().readTree(CliRun.of("scenario", "run", dir.toString(), "--json", "--jobs", "3").out());
        assertEquals(4, b.get("total").asInt());
        for (int i = 0; i < 4; i++) {
            for (String field : new String[] {"file", "name", "passed", "message", "steps"}) {
                assertEquals(a.get("scenarios").get(i).get(field), b.get("scenarios").get(i).get(field), i + "." + field);
            }
        }
    }

    /** The lines of the scenarios, without the last (the times the run took). */
    private static String withoutSummary(String out) {
        return out.substring(0, out.lastIndexOf("シナリオ "));
    }

    @Test
    void noSuchPathIsBadUsage() {
        CliRun run = CliRun.of("scenario", "run", dir.resolve("missing").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("PATH"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(2, CliRun.of("scenario", "run", dir.toString()).exitCode(), "a folder without scenarios");
        assertEquals(0, CliRun.of("scenario", "run", "--help").exitCode());
    }

    @Test
    void aFailedScenarioLeavesItsTraceForReplayAndAPassedOneNone() throws Exception {
        pass();
        String wrong = "name: wrong\nasOf: 2026-12-01\ncard: default\nsteps:\n  - check: {consent: all}\n"
                + "  - expect: {outcome: rejected}\n";
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/wrong.yaml"), wrong);
        Files.writeString(dir.resolve("b/wrong.yaml"), wrong);
        Path traces = Files.createDirectory(dir.resolve("traces"));
        CliRun run = CliRun.of("scenario", "run", dir.toString(), "--traces", traces.toString(), "--json");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        java.util.Set<String> written = new java.util.TreeSet<>();
        for (JsonNode s : json.get("scenarios")) {
            if (s.get("passed").asBoolean()) {
                assertTrue(s.get("trace").isNull(), "a passed scenario leaves no trace: " + s);
                continue;
            }
            Path trace = Path.of(s.get("trace").asText());
            written.add(trace.getFileName().toString());
            String text = Files.readString(trace);
            String hex = text.replace(" ", "");
            assertTrue(hex.contains("0020008004********"), "the VERIFY is there, masked: " + text);
            assertFalse(hex.contains("002000800431323334"), "the PIN is not");
            CliRun replay = CliRun.of("trace", "replay", trace.toString(), "--json");
            assertEquals(ExitCode.OK.status, replay.exitCode(), replay.out() + replay.err());
            assertTrue(new ObjectMapper().readTree(replay.out()).get("identical").asBoolean(), replay.out());
        }
        assertEquals(java.util.Set.of("wrong.yaml.trace", "wrong.yaml-2.trace"), written, "one file each, no name reused");
        try (var listed = Files.list(traces)) {
            assertEquals(2, listed.count());
        }

        CliRun human = CliRun.of("scenario", "run", dir.resolve("a").toString(), "--traces", traces.toString());
        assertTrue(human.out().contains("APDUトレース: " + traces.resolve("wrong.yaml.trace")), human.out());
        CliRun missing = CliRun.of("scenario", "run", dir.toString(), "--traces", dir.resolve("nowhere").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--traces"), missing.err());
    }

    /**
     * End to end through the command: a scenario named with a control character, in a folder with a dot, failing with
     * --traces: the JUnit report parses, validates, names the trace and keeps the folder one class.
     */
    @Test
    void theJUnitReportOfAnOddlyNamedFailureIsReadableAndNamesItsTrace() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("sub.dir"));
        Files.writeString(folder.resolve("odd.yaml"), "name: \"odd\\x01name\"\nasOf: 2026-12-01\ncard: default\nsteps:\n"
                + "  - check: {consent: all}\n  - expect: {outcome: rejected}\n");
        Path traces = Files.createDirectory(dir.resolve("traces"));
        Path junit = dir.resolve("junit.xml");
        CliRun run = CliRun.of("scenario", "run", folder.toString(), "--traces", traces.toString(), "--junit", junit.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        org.w3c.dom.Document doc = jp.mynadesk.testsupport.JUnitXml.parseAndValidate(junit);
        org.w3c.dom.Element testcase = (org.w3c.dom.Element) doc.getElementsByTagName("testcase").item(0);
        assertEquals("odd\\u0001name [odd.yaml]", testcase.getAttribute("name"));
        assertEquals("scenarios.sub\u2024dir", testcase.getAttribute("classname"));
        assertTrue(doc.getElementsByTagName("failure").item(0).getTextContent()
                .contains("APDUトレース: " + traces.resolve("odd.yaml.trace")), Files.readString(junit));
    }
}
