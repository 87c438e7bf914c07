package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.testsupport.PostgresCheck;
import jp.mynadesk.testsupport.RequiresPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL (a fresh schema per test), and what only a shared database has. */
@RequiresPostgres
class PostgresVisitStoreTest extends VisitStoreContract {
    private SharedDatabase db;

    @BeforeEach
    void freshRecord() {
        db = PostgresCheck.freshSchema();
    }

    @Override
    VisitStore open() {
        return Stores.open(db, CLOCK, Stores.DEFAULT_BUSY_TIMEOUT);
    }

    @Override
    Dialect dialect() {
        return new PostgresDialect(db, Stores.DEFAULT_BUSY_TIMEOUT);
    }

    @Test
    void backupIsTheDatabaseAdministratorsJob() {
        try (VisitStore store = open()) {
            assertEquals(StoreException.Kind.UNAVAILABLE,
                    assertThrows(StoreException.class, () -> store.backup(Path.of("/tmp/never-written.db"))).kind());
        }
    }

    @Test
    void aWrongDatabaseIsUnavailable() {
        SharedDatabase missing = new SharedDatabase(PostgresCheck.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_db$1"), null);
        StoreException e = assertThrows(StoreException.class, () -> Stores.open(missing, CLOCK, Duration.ofSeconds(1)));
        assertEquals(StoreException.Kind.UNAVAILABLE, e.kind());
    }

    @Test
    void aDeskWaitingPastTheLockTimeoutIsToldTheRecordIsBusy() throws Exception {
        try (VisitStore store = Stores.open(db, CLOCK, Duration.ofMillis(200));
             java.sql.Connection holder = dialect().connect(); java.sql.Statement s = holder.createStatement()) {
            s.execute("BEGIN");
            for (String lock : dialect().beginWrite().subList(1, dialect().beginWrite().size())) {
                s.execute(lock); // another desk in the middle of a write
            }
            StoreException e = assertThrows(StoreException.class,
                    () -> store.record(SampleVisits.numbered(1, SampleVisits.MORNING)));
            assertEquals(StoreException.Kind.UNAVAILABLE, e.kind());
            s.execute("ROLLBACK");
            assertTrue(store.record(SampleVisits.numbered(1, SampleVisits.MORNING)).visitId().endsWith("-0001"));
        }
    }
}
