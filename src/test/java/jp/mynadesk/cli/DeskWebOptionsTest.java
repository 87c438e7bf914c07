package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code desk --web}'s own options: bad values exit 2 with a Japanese sentence naming the option. */
class DeskWebOptionsTest {
    @Test
    void portOrBindWithoutWebIsBadUsage() {
        CliRun r = CliRun.of("desk", "--port", "9000");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--web"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void portOutOfRange() {
        CliRun r = CliRun.of("desk", "--web", "--port", "70000");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--port"), r.err());
    }

    @Test
    void helpNamesTheWebOptions() {
        CliRun r = CliRun.of("desk", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--web") && r.out().contains("--bind") && r.out().contains("--port"), r.out());
    }
}
