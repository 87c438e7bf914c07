package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo is a script over the real workflow and record: what it says it did is in the record afterwards. */
class DemoCommandTest {

    @Test
    void demoRecordsThreeVisitsRechecksThemAndVerifies(@TempDir Path data) throws Exception {
        CliRun run = CliRun.of("demo", "--as-of", "2026-12-01", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode visits = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--data", data.toString()).out());
        assertEquals(3, visits.size());
        assertEquals("confirmed", visits.get(0).get("outcome").asText());
        assertEquals("card-pin", visits.get(0).get("route").asText());
        assertEquals("provisional", visits.get(1).get("outcome").asText());
        assertEquals("confirmed", visits.get(1).get("recheckState").asText());
        assertEquals("discrepancy", visits.get(2).get("recheckState").asText());
        JsonNode verify = new ObjectMapper().readTree(CliRun.of("db", "verify", "--json", "--data", data.toString()).out());
        assertTrue(verify.get("ok").asBoolean());
    }

    @Test
    void aPhoneTokenGetsItsPinBeforeTheCertificate(@TempDir Path data) throws Exception {
        CliRun run = CliRun.of("demo", "--profile", "android", "--as-of", "2026-12-01", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode first = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--data", data.toString()).out()).get(0);
        assertEquals("confirmed", first.get("outcome").asText());
    }

    @Test
    void unknownProfileIsBadInput() {
        CliRun run = CliRun.of("demo", "--profile", "no-such-profile");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--profile"), run.err());
    }

    @Test
    void noPinOrMyNumberInAnyOutputTraceOrRecord(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.txt");
        Path data = dir.resolve("data");
        CliRun run = CliRun.of("demo", "--pin", "7395", "--trace", trace.toString(), "--as-of", "2026-12-01", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        String traced = Files.readString(trace, StandardCharsets.UTF_8);
        assertTrue(traced.lines().anyMatch(l -> l.startsWith(">")), "a trace was written");
        Pattern twelveDigits = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");
        // The My Number lives only in the 券面事項入力補助AP (and the surface AP): the trace shows neither is selected.
        String hex = traced.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        assertFalse(hex.contains("D3921000310001010408") || hex.contains("D3921000310001010402"), traced);
        assertFalse(traced.contains("7395") || hex.contains("37333935"), "the PIN never appears in the trace");
        for (String text : new String[] {run.out(), run.err()}) {
            assertFalse(text.contains("7395"), "the PIN never appears");
            var m = twelveDigits.matcher(text);
            assertFalse(m.find(), () -> "no 12-digit number appears: " + text.substring(Math.max(0, m.start() - 40), m.end()));
        }
        assertTrue(run.err().contains("--pin"), "--pin on the command line is warned about");
    }
}
