package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCommandTest {
    static final OffsetDateTime T = OffsetDateTime.parse("2026-12-01T09:30:00+09:00");

    @TempDir
    Path dir;

    private void recordOne() {
        try (VisitStore store = Stores.open(dir, Clock.fixed(T.toInstant(), ZoneId.of("Asia/Tokyo")))) {
            store.record(new Visit(null, T, "DESK-01", Route.CARD_PIN, Outcome.STOPPED, null, List.of(), null, null,
                    null, null, null, null, null, RecheckState.NONE));
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String[] args : List.of(new String[] {"db", "--help"}, new String[] {"db", "verify", "--help"},
                new String[] {"db", "backup", "--help"})) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), String.join(" ", args));
            assertTrue(run.out().contains("使い方"), run.out());
        }
    }

    @Test
    void backupIsAVerifiableCopyAndAnExistingFileNeedsOverwrite() throws Exception {
        recordOne();
        Path copy = dir.resolve("copy.db");
        assertEquals(0, CliRun.of("db", "backup", copy.toString(), "--data", dir.toString()).exitCode());
        Path restored = Files.createDirectory(dir.resolve("restored"));
        Files.copy(copy, restored.resolve("mynadesk.db"));
        CliRun keyless = CliRun.of("db", "verify", "--data", restored.toString());
        assertEquals(4, keyless.exitCode(), "a keyed record without its key cannot be vouched for");
        assertTrue(keyless.out().contains("audit.key"), keyless.out());
        // the key is kept apart from the backup, and restored with it
        Files.copy(dir.resolve("audit.key"), restored.resolve("audit.key"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        CliRun verify = CliRun.of("db", "verify", "--json", "--data", restored.toString());
        assertEquals(0, verify.exitCode(), verify.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(verify.out());
        assertTrue(json.get("ok").asBoolean());
        assertEquals(1, json.get("visits").asInt());

        long before = Files.size(copy);
        CliRun refused = CliRun.of("db", "backup", copy.toString(), "--data", dir.toString());
        assertEquals(2, refused.exitCode());
        assertFalse(refused.err().isBlank());
        assertEquals(before, Files.size(copy));
        assertEquals(0, CliRun.of("db", "backup", copy.toString(), "--overwrite", "--data", dir.toString()).exitCode());
    }

    @Test
    void badInputExits2AndAMissingRecordExits3() throws Exception {
        recordOne();
        assertEquals(2, CliRun.of("db", "backup", dir.resolve("no/such/dir/x.db").toString(), "--data", dir.toString()).exitCode());
        assertEquals(2, CliRun.of("db", "verify", "--data", "").exitCode());
        assertEquals(2, CliRun.of("db", "verify", "--wait", "-1", "--data", dir.toString()).exitCode());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun missing = CliRun.of("db", "verify", "--data", empty.toString());
        assertEquals(3, missing.exitCode());
        assertFalse(Files.exists(empty.resolve("mynadesk.db")), "verify does not create an empty record");
        assertFalse(missing.err().contains("Exception"), missing.err());
    }
}
