package jp.mynadesk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading scenario files: the core format, and every problem named by line and key. */
class ScenarioFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void readsTheCoreFormat() throws IOException {
        Scenario s = ScenarioFile.load(write("""
                name: example
                asOf: 2026-12-01
                card: blocked
                reader: generic
                service:
                  registry: built-in
                  faults: [{kind: outage, retryAfterSeconds: 600}]
                steps:
                  - check: {mode: visual, staff: S1, consent: [diagnosis], removeCardAt: sign}
                  - expect: {outcome: stopped, reason: {code: wrong-pin, triesLeft: 2}}
                  - card: {profile: default}
                  - card: remove
                  - card: insert
                  - service: up
                  - advance: PT2H
                  - recheck: {}
                  - expect: {visits: 2}
                """), LocalDate.of(2000, 1, 1));
        assertEquals("example", s.name());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), s.asOf(), "a date alone is 09:00 JST");
        assertEquals("blocked", s.card().name());
        assertEquals("outage", s.faults().rules().get(0).kind());
        assertEquals(9, s.steps().size());
        ScenarioStep.Check c = assertInstanceOf(ScenarioStep.Check.class, s.steps().get(0));
        assertEquals(CheckMode.VISUAL, c.mode());
        assertEquals(CheckStep.SIGN, c.removeCardAt());
        assertEquals(9, c.line());
        assertEquals(Duration.ofHours(2), assertInstanceOf(ScenarioStep.Advance.class, s.steps().get(6)).by());
        assertTrue(assertInstanceOf(ScenarioStep.ServiceFaults.class, s.steps().get(5)).plan().rules().isEmpty());
    }

    @Test
    void withoutAsOfTheRunnersDayAtNineIsUsed() throws IOException {
        Scenario s = ScenarioFile.load(write("name: x\nsteps:\n  - check: {}\n"), LocalDate.of(2027, 1, 5));
        assertEquals(Instant.parse("2027-01-05T00:00:00Z"), s.asOf());
        assertNull(s.card());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown top key        | 'name: x\\ncolour: red\\nsteps:\\n  - check: {}\\n'                     | 2 | colour",
            "unknown check key      | 'name: x\\nsteps:\\n  - check: {mode: pin, pni: \"1\"}\\n'              | 3 | steps[0].check.pni",
            "unknown step           | 'name: x\\nsteps:\\n  - check: {}\\n  - jump: 3\\n'                     | 4 | steps[1].jump",
            "missing name           | 'steps:\\n  - check: {}\\n'                                           | 1 | name",
            "no steps               | 'name: x\\n'                                                        | 1 | steps",
            "bad mode               | 'name: x\\nsteps:\\n  - check: {mode: face}\\n'                       | 3 | steps[0].check.mode",
            "unquoted pin           | 'name: x\\nsteps:\\n  - check: {pin: 1234}\\n'                       | 3 | steps[0].check.pin",
            "bad duration           | 'name: x\\nsteps:\\n  - check: {}\\n  - advance: 2 hours\\n'          | 4 | steps[1].advance",
            "bad profile            | 'name: x\\ncard: platinum\\nsteps:\\n  - check: {}\\n'               | 2 | card",
            "bad fault rule         | 'name: x\\nservice:\\n  faults: [{kind: flood}]\\nsteps:\\n  - check: {}\\n' | 3 | service.faults",
            "bad removeCardAt       | 'name: x\\nsteps:\\n  - check: {removeCardAt: lunch}\\n'             | 3 | steps[0].check.removeCardAt",
            "visual without staff   | 'name: x\\nsteps:\\n  - check: {mode: visual}\\n'                    | 3 | steps[0].check.staff",
            "bad consent            | 'name: x\\nsteps:\\n  - check: {consent: [diagnosis, dental]}\\n'    | 3 | steps[0].check.consent",
            "duplicate key          | 'name: x\\nname: y\\nsteps:\\n  - check: {}\\n'                      | 2 | name",
            "bad document           | 'name: x\\nsteps:\\n  - check: {document: {kind: passport}}\\n'      | 3 | steps[0].check.document",
            "bad asOf               | 'name: x\\nasOf: 2026-02-30\\nsteps:\\n  - check: {}\\n'             | 2 | asOf",
    })
    void problemsNameLineAndKey(String what, String yaml, int line, String key) throws IOException {
        Path f = write(yaml.replace("\\n", "\n"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFile.load(f, LocalDate.of(2026, 12, 1)));
        assertEquals(key, e.key(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void notYamlNamesTheLine() throws IOException {
        Path f = write("name: x\nsteps:\n  - check: {mode: pin\n  - expect: {}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFile.load(f, LocalDate.of(2026, 12, 1)));
        assertTrue(e.line() >= 3, "line " + e.line());
    }

    @Test
    void aFileLoadsToTheSameScenarioEachTime() throws IOException {
        String yaml = "name: parsed once\nasOf: 2026-12-01\ncard: default\nsteps:\n  - check: {consent: all}\n"
                + "  - expect: {outcome: confirmed}\n";
        Path f = write(yaml);
        ScenarioFile.checkLimits(f);
        Scenario first = ScenarioFile.load(f, LocalDate.of(2026, 12, 1));
        Scenario again = ScenarioFile.load(f, LocalDate.of(2026, 12, 1));
        assertEquals(first.name(), again.name());
        assertEquals(first.steps(), again.steps());
        // the runner compares a copy: the scenario's expectation is still whole afterwards
        ScenarioStep.Expect expect = (ScenarioStep.Expect) again.steps().get(1);
        assertEquals("confirmed", expect.expected().get("outcome").asText());

    }

    /** A scenario's faults: list is the fault file's rules: the message names the rule by the scenario's key. */
    @Test
    void badFaultRulesAndFilesAreExplainedInJapanese() throws IOException {
        ScenarioException rate = assertThrows(ScenarioException.class, () -> ScenarioFile.load(write(
                "name: x\nservice:\n  faults: [{kind: reset}, {kind: reset, rate: 1.5}]\nsteps:\n  - check: {}\n"),
                LocalDate.of(2026, 12, 1)));
        assertEquals("障害ルールが正しくありません: service.faults[1].rate: 1.5 は範囲外です。0 以上 1 以下の数値（発生する確率）"
                + "を指定してください。", rate.getMessage());
        ScenarioException kind = assertThrows(ScenarioException.class, () -> ScenarioFile.load(write(
                "name: x\nservice:\n  faults: [{kind: \"123456789012\"}]\nsteps:\n  - check: {}\n"), LocalDate.of(2026, 12, 1)));
        assertTrue(kind.getMessage().contains("service.faults[0].kind: 不明な値です"), kind.getMessage());
        assertFalse(kind.getMessage().matches("(?s).*\\d{9}.*"), kind.getMessage());
        Files.writeString(dir.resolve("passwd.json"), "root:x:0:0:root:/root:/bin/bash\n");
        for (String key : new String[] {"faults", "registry"}) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFile.load(write(
                    "name: x\nservice: {" + key + ": passwd.json}\nsteps:\n  - check: {}\n"), LocalDate.of(2026, 12, 1)));
            assertEquals("service." + key, e.key());
            assertTrue(e.getMessage().contains("1 行 1 列: JSON として読めません"), e.getMessage());
            assertFalse(e.getMessage().contains("root") || e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    @Test
    void faultSamplesAndLocalFilesAreFound() throws IOException {
        Files.writeString(dir.resolve("mine.json"), "{\"rules\": [{\"kind\": \"reset\"}]}");
        Scenario a = ScenarioFile.load(write("name: x\nservice: {faults: maintenance-window}\nsteps:\n  - check: {}\n"),
                LocalDate.of(2026, 12, 1));
        assertEquals("outage", a.faults().rules().get(0).kind());
        assertEquals("2026-04-15T12:00:00+09:00", a.faults().rules().get(0).from());
        Scenario b = ScenarioFile.load(write("name: x\nservice: {faults: mine.json}\nsteps:\n  - check: {}\n"),
                LocalDate.of(2026, 12, 1));
        assertEquals("reset", b.faults().rules().get(0).kind());
    }
}
