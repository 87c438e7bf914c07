package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C while the patient is at the PIN prompt: the open check is recorded as stopped (cancelled) before the desk
 * closes, so one check is one visit here too (docs/DESK.md, "The terminal desk").
 */
@Tag("slow") // child JVM
class DeskInterruptAtPinTest {

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void ctrlCAtThePinPromptRecordsAStoppedVisit(@TempDir Path dir) throws Exception {
        assertFalse(jp.mynadesk.testsupport.ChildJvm.sigintIgnored(),
                "this test run ignores SIGINT (Maven started in the background?): a Ctrl-C cannot reach the desk");
        Path data = dir.resolve("data");
        Process desk = new ProcessBuilder(jp.mynadesk.testsupport.ChildJvm.command(List.of("-Dorg.sqlite.tmpdir=" + dir), Main.class,
                "desk", "--virtual", "default", "--data", data.toString(), "--as-of", "2026-12-01T09:30"))
                .redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        try (OutputStream in = desk.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(desk.getInputStream(), StandardCharsets.UTF_8))) {
            boolean atMenu = false;
            for (String line; !atMenu && (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                atMenu = line.startsWith("[r] 再照会");
            }
            in.write("\n".getBytes(StandardCharsets.UTF_8)); // Enter at the menu: a PIN check
            in.flush();
            boolean atPin = false;
            for (String line; !atPin && (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                atPin = line.startsWith("職員の操作:"); // printed right before the PIN is read
            }
            assertTrue(atPin, "the desk reached the PIN prompt: " + seen);
            new ProcessBuilder("kill", "-INT", Long.toString(desk.pid())).start().waitFor();
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
            }
            assertTrue(desk.waitFor(30, TimeUnit.SECONDS), "the desk ends on Ctrl-C");
        } finally {
            desk.destroyForcibly();
        }
        assertTrue(seen.toString().contains("中断しました: 記録しました（受付番号 2026-12-01-0001）"), seen.toString());
        JsonNode visits = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--data", data.toString()).out());
        assertEquals(1, visits.size(), visits.toString());
        assertEquals("stopped", visits.get(0).get("outcome").asText());
        assertEquals("cancelled", visits.get(0).at("/reason/code").asText());
        JsonNode verify = new ObjectMapper().readTree(CliRun.of("db", "verify", "--json", "--data", data.toString()).out());
        assertTrue(verify.get("ok").asBoolean(), verify.toString());
    }
}
