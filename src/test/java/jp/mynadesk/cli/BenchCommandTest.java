package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Option checks only: the benchmarks themselves never run as tests, and bad counts stop before anything is measured. */
class BenchCommandTest {
    @ParameterizedTest
    @CsvSource({"--runs, 0", "--runs, -1", "--apdus, 0", "--apdus, -5"})
    void countsBelowOneAreBadInput(String option, String value) {
        CliRun r = CliRun.of("bench", option, value);
        assertEquals(ExitCode.BAD_INPUT.status, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(option + " " + value), r.err());
        assertEquals("", r.out());
    }

    @Test
    void roundsRegistrySizeAndPendingMustBePositive() {
        for (String[] args : new String[][] {{"--rounds", "0"}, {"--registry", "0"}, {"--desk", "--pending", "0"}}) {
            CliRun r = CliRun.of(concat("bench", args));
            assertEquals(ExitCode.BAD_INPUT.status, r.exitCode(), String.join(" ", args));
            assertTrue(r.err().contains(args[args.length - 2]), r.err());
        }
    }

    @Test
    void withoutTheBenchJarTheCommandSaysWhereItIs() {
        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> new BenchCommands.Missing().call());
        assertEquals(ExitCode.UNAVAILABLE, e.exitCode());
        assertTrue(e.getMessage().contains("./mynadesk bench"), e.getMessage());
    }

    @Test
    void theBenchmarksAreFoundWhenTheirJarIsOnThePath() {
        assertEquals(BenchCommands.NAME, BenchCommands.command().getName());
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
