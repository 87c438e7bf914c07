package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.mynadesk.desk.IntegrityReport;
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
    Seal seal() {
        return new Seal(db.auditKeyFile(), null);
    }

    @Override
    Dialect dialect() {
        return new PostgresDialect(db, Stores.DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Desks sharing a record share its audit key: a desk with none of its own is refused before it writes (and makes
     * no second key); given a copy of the first desk's key ({@code MYNADESK_AUDIT_KEY_FILE}), it writes and verifies.
     */
    @Test
    void everyDeskUsesTheRecordsOneKey(@org.junit.jupiter.api.io.TempDir Path folders) throws Exception {
        SharedDatabase plain = new SharedDatabase(db.url(), null); // no key named: each desk's data folder
        DataDirectory first = new DataDirectory(folders.resolve("first"), true);
        DataDirectory second = new DataDirectory(folders.resolve("second"), true);
        try (VisitStore a = Stores.open(plain, first, CLOCK, Stores.DEFAULT_BUSY_TIMEOUT)) {
            a.record(SampleVisits.numbered(1, SampleVisits.MORNING));
        }
        try (VisitStore b = Stores.open(plain, second, CLOCK, Stores.DEFAULT_BUSY_TIMEOUT)) {
            StoreException e = assertThrows(StoreException.class, () -> b.record(SampleVisits.numbered(2, SampleVisits.MORNING)));
            assertEquals(StoreException.Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains(Seal.KEY_FILE_ENV), e.getMessage());
            assertTrue(!b.verify().ok(), "no key, no word on the chain");
        }
        assertTrue(!java.nio.file.Files.exists(second.path().resolve(Seal.KEY_FILE)), "no second key was made");

        Path copy = folders.resolve("shared.key");
        java.nio.file.Files.copy(first.path().resolve(Seal.KEY_FILE), copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        SharedDatabase named = SharedDatabase.resolve(db.url(), null, java.util.Map.of(Seal.KEY_FILE_ENV, copy.toString()));
        assertEquals(copy, named.auditKeyFile());
        try (VisitStore b = Stores.open(named, second, CLOCK, Stores.DEFAULT_BUSY_TIMEOUT)) {
            b.record(SampleVisits.numbered(2, SampleVisits.MORNING));
            IntegrityReport report = b.verify();
            assertTrue(report.ok(), report.firstBroken());
            assertEquals(2, report.anchoredEntries(), "the second desk's own checkpoint");
        }
        try (VisitStore a = Stores.open(plain, first, CLOCK, Stores.DEFAULT_BUSY_TIMEOUT)) {
            IntegrityReport report = a.verify();
            assertTrue(report.ok(), report.firstBroken());
            assertEquals(2, report.auditEntries());
        }
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
        SharedDatabase missing = new SharedDatabase(PostgresCheck.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_db$1"), null, PostgresCheck.auditKeyFile());
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

    /**
     * Desks started one after another on a new record: one makes the tables while the others look at the version.
     * A desk that saw no {@code schema_version} and then, a moment later, the freshly committed {@code visits}
     * used to call the record damaged (CI, 2026-12-01). Here the lookers look without pause for the whole
     * migration, so they are sure to look across its commit.
     */
    @Test
    void aDeskLookingWhileAnotherMakesTheRecordNeverCallsItDamaged() throws Exception {
        int lookers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(lookers);
        try {
            for (int round = 0; round < 10; round++) {
                SharedDatabase fresh = PostgresCheck.freshSchema();
                PostgresDialect dialect = new PostgresDialect(fresh, Stores.DEFAULT_BUSY_TIMEOUT);
                AtomicBoolean migrated = new AtomicBoolean();
                CountDownLatch looking = new CountDownLatch(lookers);
                List<Future<Integer>> looks = new ArrayList<>();
                for (int d = 0; d < lookers; d++) {
                    looks.add(pool.submit(() -> {
                        try (Connection c = dialect.connect()) {
                            int times = 0;
                            looking.countDown();
                            // one more look after the migration: the last must see the finished record
                            for (boolean last = false; !last; times++) {
                                last = migrated.get();
                                int version = Migrations.current(c, dialect);
                                if (last) {
                                    assertEquals(Migrations.latest(), version);
                                }
                            }
                            return times;
                        }
                    }));
                }
                looking.await();
                try (Connection c = dialect.connect()) {
                    Migrations.apply(c, dialect, CLOCK);
                }
                migrated.set(true);
                for (Future<Integer> f : looks) {
                    assertTrue(f.get(1, TimeUnit.MINUTES) > 1, "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
