package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario and trace files are bounded (issue 22 §10): a named pipe is refused instead of read for ever, a file or a
 * YAML value far beyond any real one is refused before it is parsed, and a trace's DELAY cannot make a replay sleep
 * for days. Each refusal is exit 2 naming the argument. The time-outs only keep a regression from hanging the build;
 * no test asserts how fast anything is.
 */
class InputBoundsTest {
    /** Only a guard against a hang (the old code blocked for ever on a FIFO or slept 11 days on the DELAY). */
    private static final Duration HANG = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void aNamedPipeAsAScenarioIsRefusedNotReadForEver() throws Exception {
        Path fifo = fifo("scenario.yaml");
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("scenario", "run", fifo.toString()));
        assertRefused(run, "PATH: " + fifo + " は通常のファイルでもフォルダでもありません");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aNamedPipeAsATraceIsRefusedNotReadForEver() throws Exception {
        Path fifo = fifo("session.trace");
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("trace", "replay", fifo.toString()));
        assertRefused(run, "FILE: トレースファイル " + fifo + " は通常のファイルではありません");
    }

    @Test
    void aHugeScenarioFileIsRefusedUnread() throws Exception {
        // one 10 MB YAML value: the old code spent 79 s in the YAML scanner before refusing it
        Path big = dir.resolve("big.yaml");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("name: ".getBytes());
            byte[] line = "x".repeat(1024 * 1024).getBytes();
            for (int i = 0; i < 10; i++) {
                out.write(line);
            }
            out.write("\nsteps:\n  - check: {}\n".getBytes());
        }
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("scenario", "run", big.toString()));
        assertRefused(run, "PATH: " + big + ": ファイルが大きすぎます。シナリオファイルは 256 KiB までです");
    }

    @Test
    void aValueLongerThanAnyScenarioNeedsIsRefusedNamingItsLineAndKey() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("scenarios"));
        Files.writeString(folder.resolve("a-long.yaml"), "name: long\nasOf: 2026-12-01\ncard: default\n"
                + "description: " + "長".repeat(16 * 1024 + 1) + "\nsteps:\n  - check: {consent: all}\n  - expect: {outcome: confirmed}\n");
        Files.writeString(folder.resolve("b-fine.yaml"), "name: fine\nasOf: 2026-12-01\ncard: default\nsteps:\n"
                + "  - check: {consent: all}\n  - expect: {outcome: confirmed}\n");
        CliRun run = CliRun.of("scenario", "run", folder.toString());
        assertRefused(run, "a-long.yaml:4: description: 値が長すぎます（16,385 文字）。1つの値は 16,384 文字までです");
        assertFalse(run.out().contains("成功"), "nothing ran: " + run.out());
    }

    @Test
    void aDelayBeyondOneMinuteIsRefusedNotSlept() throws Exception {
        Path file = dir.resolve("slow.trace");
        Files.writeString(file, """
                @format mynadesk-trace 1
                @program mynadesk test
                > 00A4040C0AD392F000260100000001 @0.000
                ! DELAY 999999999ms @1.000
                < 9000 @2.000
                """);
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("trace", "replay", file.toString()));
        assertRefused(run, "4行目が正しくありません: DELAY は 60000ms（1分）までです");
    }

    @Test
    void aTraceFileBeyondAnyRealOneIsRefusedUnread() throws Exception {
        Path big = dir.resolve("big.trace");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("@format mynadesk-trace 1\n".getBytes());
            byte[] comment = ("# " + "x".repeat(1022) + "\n").getBytes();
            for (int i = 0; i <= 32 * 1024; i++) {
                out.write(comment);
            }
        }
        CliRun run = CliRun.of("trace", "replay", big.toString());
        assertRefused(run, "FILE: トレースファイル " + big + " は大きすぎます（32 MiB まで）");
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return fifo;
    }

    private static void assertRefused(CliRun run, String expected) {
        assertEquals(ExitCode.BAD_INPUT.status, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(expected), "expected «" + expected + "» in: " + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
}
