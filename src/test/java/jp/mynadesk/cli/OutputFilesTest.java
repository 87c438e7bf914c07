package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Output-file options: a folder, a missing folder or a full disk is exit 2 naming the option; no folder is created. */
class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void refusesAFolderAndAMissingFolderWithoutCreatingIt() {
        CliException folder = assertThrows(CliException.class, () -> OutputFiles.check("--out", dir));
        assertEquals(ExitCode.BAD_INPUT, folder.exitCode());
        assertTrue(folder.getMessage().startsWith("--out "));
        Path missing = dir.resolve("no-such-folder").resolve("x.png");
        CliException parent = assertThrows(CliException.class, () -> OutputFiles.writeString("--out", missing, "x"));
        assertEquals(ExitCode.BAD_INPUT, parent.exitCode());
        assertFalse(Files.exists(missing.getParent()), "no folder created");
    }

    @Test
    void writesAFileInAnExistingFolder() throws Exception {
        Path file = dir.resolve("a.json");
        OutputFiles.writeString("--out", file, "{}");
        assertEquals("{}", Files.readString(file));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    // without the check the write blocks for ever on the pipe: fail instead of hanging the build
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aNamedPipeIsRefusedBeforeAnythingBlocksOnIt() throws Exception {
        Path fifo = dir.resolve("trace.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliException e = assertThrows(CliException.class, () -> OutputFiles.writeString("--trace", fifo, "x"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("--trace") && e.getMessage().contains("FIFO"), e.getMessage());
        CliRun desk = CliRun.of("desk", "--virtual", "default", "--trace", fifo.toString(), "--data", dir.resolve("d").toString());
        assertEquals(ExitCode.BAD_INPUT.status, desk.exitCode(), "refused before the desk opens: " + desk.err());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskIsBadInputNotAStackTrace() {
        CliException full = assertThrows(CliException.class, () -> OutputFiles.writeString("--out", Path.of("/dev/full"), "x".repeat(10000)));
        assertEquals(ExitCode.BAD_INPUT, full.exitCode());
    }

    private CliRun render(String out) {
        return CliRun.of("docs", "render", "--kind", "shikaku-kakuninsho", "--insurer-number", "01130012", "--number", "1",
                "--name", "協会 太郎", "--birth-date", "1989-05-10", "--issued-on", "2024-12-02", "--valid-until", "2029-11-30",
                "--out", out);
    }

    @Test
    void docsRenderRefusesBadOutPaths() {
        for (String out : new String[] {dir.toString(), dir.resolve("nope/x.png").toString(), "/dev/full"}) {
            CliRun r = render(out);
            assertEquals(ExitCode.BAD_INPUT.status, r.exitCode(), out + ": " + r.err());
            assertTrue(r.err().startsWith("--out"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("nope")), "docs render must not create folders");
        assertEquals(0, render(dir.resolve("ok.png").toString()).exitCode());
    }

    @Test
    void docsScanRefusesAFolderAsOutBeforeScanning() {
        CliRun r = CliRun.of("docs", "scan", "--out", dir.toString(), dir.resolve("missing.png").toString());
        assertEquals(ExitCode.BAD_INPUT.status, r.exitCode());
        assertTrue(r.err().startsWith("--out"), r.err());
    }
}
