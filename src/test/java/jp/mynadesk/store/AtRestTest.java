package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.Patient;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.Reason;
import jp.mynadesk.desk.ReasonCode;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.testsupport.SecretScan;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing secret at rest: the database, its WAL (scanned while the store is still open, before any checkpoint)
 * and a backup hold no PIN and no 12-digit number after visits from the virtual card with the right and wrong PINs.
 */
class AtRestTest {
    static final String WRONG_PIN = "8531";

    @TempDir
    Path dir;

    @Test
    void noPinAndNoMyNumberInTheDatabaseWalOrBackup() {
        CardProfile card = CardProfiles.builtIn("default").orElseThrow();
        CardProfile.Holder holder = card.holder();
        List<String> pins = List.of(card.authPin(), WRONG_PIN);
        Path backup = dir.resolve("backup.db");
        Path data = dir.resolve("data");
        try (VisitStore store = Stores.open(data, SqliteVisitStoreTest.CLOCK)) {
            OffsetDateTime t = SampleVisits.MORNING;
            for (int i = 0; i < 50; i++, t = t.plusMinutes(3)) {
                Qualification q = new Qualification(1, "01130012", "協会けんぽ東京", "12345678", String.valueOf(i), "00",
                        holder.name(), holder.birthDate(), 30, "A03");
                Patient p = new Patient(holder.name(), holder.sex(), holder.birthDate(), holder.address(), null);
                // the wrong PIN first (stopped, tries left), then the right one (confirmed)
                store.record(new Visit(null, t, "DESK-01", Route.CARD_PIN, Outcome.STOPPED,
                        new Reason(ReasonCode.WRONG_PIN, 2), List.of(), null, null, null, null, null, null, null, RecheckState.NONE));
                store.record(new Visit(null, t.plusMinutes(1), "DESK-01", Route.CARD_PIN, Outcome.CONFIRMED, null,
                        List.of(), q, SampleVisits.consent(t, jp.mynadesk.desk.ConsentSource.CARD_SCREEN), null, p, null,
                        null, q.numbers(), RecheckState.NONE));
            }
            Path wal = data.resolve(Stores.SQLITE_FILE + "-wal");
            assertTrue(Files.exists(wal), "the WAL is there to be scanned");
            assertEquals(List.of(), SecretScan.scan(List.of(data.resolve(Stores.SQLITE_FILE), wal), pins));
            store.backup(backup);
        }
        assertEquals(List.of(), SecretScan.scan(List.of(data.resolve(Stores.SQLITE_FILE), backup), pins));
    }
}
