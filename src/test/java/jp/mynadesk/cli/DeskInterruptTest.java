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

/** Ctrl-C at the desk after a visit was recorded: the visit is there and the record verifies. */
@Tag("slow") // child JVM
class DeskInterruptTest {

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked readLine fails, not hangs
    void ctrlCAfterARecordedVisitLosesNothing(@TempDir Path dir) throws Exception {
        assertFalse(jp.mynadesk.testsupport.ChildJvm.sigintIgnored(),
                "this test run ignores SIGINT (Maven started in the background?): a Ctrl-C cannot reach the desk");
        Path data = dir.resolve("data");
        Process desk = new ProcessBuilder(jp.mynadesk.testsupport.ChildJvm.command(List.of("-Dorg.sqlite.tmpdir=" + dir), Main.class,
                "desk", "--virtual", "default", "--data", data.toString(), "--as-of", "2026-12-01T09:30"))
                .redirectErrorStream(true).start();
        try (OutputStream in = desk.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(desk.getInputStream(), StandardCharsets.UTF_8))) {
            in.write("\n1234\ny\ny\ny\ny\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            boolean recorded = false;
            for (String line; !recorded && (line = out.readLine()) != null; ) {
                recorded = line.contains("2026-12-01-0001");
            }
            assertTrue(recorded, "the desk said the visit was recorded");
            // SIGINT, as Ctrl-C on the terminal sends it; the stdin stays open so the desk is waiting at its menu.
            new ProcessBuilder("kill", "-INT", Long.toString(desk.pid())).start().waitFor();
            assertTrue(desk.waitFor(30, TimeUnit.SECONDS), "the desk ends on Ctrl-C");
        } finally {
            desk.destroyForcibly();
        }
        JsonNode visits = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--data", data.toString()).out());
        assertEquals(1, visits.size());
        assertEquals("confirmed", visits.get(0).get("outcome").asText());
        JsonNode verify = new ObjectMapper().readTree(CliRun.of("db", "verify", "--json", "--data", data.toString()).out());
        assertTrue(verify.get("ok").asBoolean(), verify.toString());
    }
}
