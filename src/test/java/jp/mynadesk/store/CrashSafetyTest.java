package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments (seeded): while the JVM starts, while the record is created or migrated, and in the
 * middle of commits. Afterwards every visit is whole or absent, none is duplicated, every commit a child saw return
 * is kept, and verify passes. Slow: 50 child JVMs.
 */
@Tag("slow")
class CrashSafetyTest {
    static final int KILLS = 50;

    @TempDir
    Path dir;

    @Test
    void killedWritersLeaveAWholeRecord() throws Exception {
        Path data = dir.resolve("data");
        Random random = new Random(20261201L);
        int killedWhileRecording = 0;
        int lastReported = 0;
        for (int i = 0; i < KILLS; i++) {
            Process child = new ProcessBuilder(javaCommand(dir, data)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            if (i > 0 && random.nextInt(5) == 0) {
                if (random.nextBoolean()) {
                    assertEquals("opening", out.readLine(), "child " + i); // killed while it opens or migrates the record
                } // else killed while the JVM starts
            } else {
                assertEquals("opening", out.readLine(), "child " + i);
                assertEquals("ready", out.readLine(), "child " + i + " failed to open the record");
                // killed after a seeded number of commits, while it goes on committing (a commit is one fsync-bound
                // write): where exactly the kill lands is the machine's, what must survive is counted, not timed
                for (int commits = 1 + random.nextInt(12); commits > 0; commits--) {
                    String line = out.readLine();
                    assertTrue(line != null && line.startsWith("recorded "), "child " + i + ": " + line);
                    lastReported = Math.max(lastReported, Integer.parseInt(line.substring("recorded ".length())));
                }
                killedWhileRecording++;
            }
            child.destroyForcibly(); // SIGKILL on Linux
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        assertTrue(killedWhileRecording >= KILLS / 2);

        try (VisitStore store = Stores.open(data, SqliteVisitStoreTest.CLOCK)) {
            List<Visit> visits = store.visits(null);
            assertTrue(visits.size() >= lastReported, "a commit that returned was lost: " + visits.size() + " < " + lastReported);
            assertTrue(visits.size() >= killedWhileRecording, "every recording child added at least one visit");
            List<Visit> expected = new ArrayList<>();
            for (int n = 1; n <= visits.size(); n++) {
                expected.add(SampleVisits.numbered(n, SampleVisits.MORNING).withId(VisitRows.id(SampleVisits.MORNING.toLocalDate(), n)));
            }
            // whole (equal to what was recorded), in order, no gap, no duplicate
            assertEquals(expected, visits);
            IntegrityReport report = store.verify();
            assertTrue(report.ok(), report.firstBroken());
            assertEquals(visits.size(), report.auditEntries());
        }
    }

    static List<String> javaCommand(Path tmp, Path data) {
        return jp.mynadesk.testsupport.ChildJvm.command(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                // killed children leave sqlite-jdbc's extracted native library behind: keep it in the test's folder
                "-Dorg.sqlite.tmpdir=" + tmp), RecordingChild.class, data.toString());
    }
}
