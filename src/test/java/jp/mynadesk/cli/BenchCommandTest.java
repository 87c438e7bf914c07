package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Option checks only: the benchmarks themselves never run as tests. */
class BenchCommandTest {
    @Test
    void roundsAndRegistrySizeMustBePositive() {
        CliRun rounds = CliRun.of("bench", "--rounds", "0");
        assertEquals(Main.BAD_INPUT, rounds.exitCode());
        assertTrue(rounds.err().contains("--rounds"), rounds.err());
        CliRun people = CliRun.of("bench", "--registry", "0");
        assertEquals(Main.BAD_INPUT, people.exitCode());
        assertTrue(people.err().contains("--registry"), people.err());
    }
}
