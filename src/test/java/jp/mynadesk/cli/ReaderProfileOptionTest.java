package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;
import org.junit.jupiter.api.Test;

class ReaderProfileOptionTest {

    @Test
    void listsEveryBuiltInReaderProfile() {
        CliRun run = CliRun.of("card", "reader-profiles");
        assertEquals(ExitCode.OK.status, run.exitCode(), run.err());
        for (ReaderProfile p : ReaderProfiles.list()) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(p.name() + " ")), p.name() + " in\n" + run.out());
        }
        assertEquals(ExitCode.OK.status, CliRun.of("card", "reader-profiles", "--help").exitCode());
    }

    @Test
    void serveRefusesAnUnknownReaderProfileBeforeStarting() {
        CliRun run = CliRun.of("card", "serve", "--reader-profile", "acr38");
        assertEquals(ExitCode.BAD_INPUT.status, run.exitCode());
        assertTrue(run.err().contains("--reader-profile"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("jp.mynadesk"), run.err());
        assertTrue(CliRun.of("card", "serve", "--help").out().contains("--reader-profile"));
    }
}
