package jp.mynadesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bench --startup times and against which target (issue 23); the timing itself is the benchmark's. */
class StartupBenchTest {
    @TempDir
    Path dir;

    @Test
    void theCheckIsHeldTo12TimesOnJdk17AndTo6WhereTheAotCacheIsUsed() {
        assertEquals(12.0, StartupBench.checkTarget(new StartupBench.Jvm("/usr/bin/java", 17)));
        assertEquals(12.0, StartupBench.checkTarget(new StartupBench.Jvm("/opt/jdk/bin/java", 0)), "unknown: the JDK 17 target");
        assertEquals(6.0, StartupBench.checkTarget(new StartupBench.Jvm("/opt/jdk-25/bin/java", 25)));
        assertEquals(6.0, StartupBench.LIGHT_TARGET);
    }

    @Test
    void timesTheLightCommandsTheRootHelpAndTheCheckLast() {
        List<List<String>> commands = StartupBench.commands(dir.resolve("docs.json"), URI.create("http://127.0.0.1:1/"), dir);
        assertTrue(commands.contains(List.of("--help")), commands.toString());
        assertTrue(commands.stream().anyMatch(c -> c.get(0).equals("ceiling")), commands.toString());
        assertEquals("check", commands.get(commands.size() - 1).get(0));
        assertTrue(commands.get(commands.size() - 1).contains("--json"));
    }

    @Test
    void timesTheAotJdkBesideTheJavaOnThePathOnlyWhenTheBuildTrainedOne() throws Exception {
        Path launcher = Files.writeString(dir.resolve("mynadesk"), "#!/bin/sh\n");
        String java = ProcessHandle.current().info().command().orElseThrow();
        assertEquals(1, StartupBench.jvms(launcher, java).size());

        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/mynadesk.aot.jvm"), dir.resolve("no-such-jdk") + "\n");
        assertEquals(1, StartupBench.jvms(launcher, java).size(), "a JDK that is not there is not timed");
    }

    @Test
    void theLoadAverageIsReported() {
        assertFalse(StartupBench.loadAverage().isBlank());
    }
}
