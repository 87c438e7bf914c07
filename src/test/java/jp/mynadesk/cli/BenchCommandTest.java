package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bench refuses counts below 1 before measuring anything (no timings are asserted here). */
class BenchCommandTest {
    @ParameterizedTest
    @CsvSource({"--runs, 0", "--runs, -1", "--apdus, 0", "--apdus, -5"})
    void countsBelowOneAreBadInput(String option, String value) {
        CliRun r = CliRun.of("bench", option, value);
        assertEquals(Main.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith(option + " " + value), r.err());
        assertEquals("", r.out());
    }
}
