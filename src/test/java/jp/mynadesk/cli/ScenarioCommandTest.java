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
    void noSuchPathIsBadUsage() {
        CliRun run = CliRun.of("scenario", "run", dir.resolve("missing").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("PATH"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(2, CliRun.of("scenario", "run", dir.toString()).exitCode(), "a folder without scenarios");
        assertEquals(0, CliRun.of("scenario", "run", "--help").exitCode());
    }
}
