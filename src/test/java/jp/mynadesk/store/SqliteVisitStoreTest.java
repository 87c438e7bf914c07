package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteVisitStoreTest {
    static final Clock CLOCK = Clock.fixed(SampleVisits.MORNING.toInstant(), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path dir;

    @Test
    void everyRouteAndOutcomeReadsBackAsRecordedAfterReopening() {
        List<Visit> recorded;
        try (VisitStore store = Stores.open(dir.resolve("data"), CLOCK)) {
            recorded = SampleVisits.everyKind().stream().map(store::record).toList();
        }
        Set<Route> routes = new HashSet<>();
        Set<Outcome> outcomes = new HashSet<>();
        recorded.forEach(v -> {
            routes.add(v.route());
            outcomes.add(v.outcome());
        });
        assertEquals(Set.of(Route.values()), routes, "the sample covers every route");
        assertEquals(Set.of(Outcome.values()), outcomes, "the sample covers every outcome");
        try (VisitStore store = Stores.open(dir.resolve("data"), CLOCK)) {
            assertEquals(recorded, store.visits(null));
            for (Visit v : recorded) {
                assertEquals(v, store.visit(v.visitId()).orElseThrow());
            }
            IntegrityReport report = store.verify();
            assertTrue(report.ok(), report.firstBroken());
            assertEquals(recorded.size(), report.visits());
            assertEquals(recorded.size(), report.auditEntries());
        }
    }

    @Test
    void idsCountPerJapaneseDayWithoutGapsOrCollisions() {
        try (VisitStore store = Stores.open(dir, CLOCK)) {
            // 23:30 UTC on 30 Nov is 08:30 on 1 Dec in Japan: filed under 1 Dec.
            Visit a = store.record(SampleVisits.numbered(1, OffsetDateTime.parse("2026-11-30T23:30:00Z")));
            Visit b = store.record(SampleVisits.numbered(2, SampleVisits.MORNING));
            Visit c = store.record(SampleVisits.numbered(3, SampleVisits.MORNING.plusDays(1)));
            Visit d = store.record(SampleVisits.numbered(4, SampleVisits.MORNING));
            assertEquals(List.of("2026-12-01-0001", "2026-12-01-0002", "2026-12-02-0001", "2026-12-01-0003"),
                    List.of(a.visitId(), b.visitId(), c.visitId(), d.visitId()));
            assertEquals(List.of(a, b, d, c), store.visits(null), "oldest first: by day, then in recording order");
            assertEquals(List.of(c), store.visits(LocalDate.of(2026, 12, 2)));
            assertThrows(IllegalArgumentException.class, () -> store.record(a), "a recorded visit is not recorded twice");
        }
    }

    @Test
    void idsStayUniqueWithTwoStoresWritingTheSameFile() throws Exception {
        try (VisitStore one = Stores.open(dir, CLOCK); VisitStore two = Stores.open(dir, CLOCK)) {
            Thread t1 = new Thread(() -> { for (int i = 0; i < 40; i++) { one.record(SampleVisits.numbered(i, SampleVisits.MORNING)); } });
            Thread t2 = new Thread(() -> { for (int i = 40; i < 80; i++) { two.record(SampleVisits.numbered(i, SampleVisits.MORNING)); } });
            t1.start();
            t2.start();
            t1.join();
            t2.join();
            List<Visit> all = one.visits(null);
            assertEquals(80, all.size());
            assertEquals(80, all.stream().map(Visit::visitId).distinct().count());
            assertEquals("2026-12-01-0080", all.get(79).visitId());
            assertTrue(one.verify().ok(), one.verify().firstBroken());
        }
    }

    @Test
    void recheckRunMovesPendingVisitsAndIsVerified() {
        try (VisitStore store = Stores.open(dir, CLOCK)) {
            SampleVisits.everyKind().forEach(store::record);
            List<Visit> pending = store.pendingRechecks();
            assertEquals(List.of(Outcome.PROVISIONAL, Outcome.DECLARED), pending.stream().map(Visit::outcome).toList());
            Visit provisional = pending.get(0);
            Visit declared = pending.get(1);

            store.recordRecheck(new RecheckRun(SampleVisits.MORNING.plusHours(2), SampleVisits.MORNING.plusHours(2).plusSeconds(3),
                    List.of(new RecheckFinding(provisional.visitId(), RecheckFinding.Kind.UNANSWERED, null, "timeout"),
                            new RecheckFinding(declared.visitId(), RecheckFinding.Kind.QUALIFICATION_NOT_FOUND, null, null))));
            assertEquals(List.of(provisional.visitId()), store.pendingRechecks().stream().map(Visit::visitId).toList());
            assertEquals(RecheckState.DISCREPANCY, store.visit(declared.visitId()).orElseThrow().recheckState());

            store.recordRecheck(new RecheckRun(SampleVisits.MORNING.plusHours(3), SampleVisits.MORNING.plusHours(3),
                    List.of(new RecheckFinding(provisional.visitId(), RecheckFinding.Kind.CONFIRMED,
                            SampleVisits.qualification(6), null))));
            assertEquals(List.of(), store.pendingRechecks());
            Visit settled = store.visit(provisional.visitId()).orElseThrow();
            assertEquals(RecheckState.CONFIRMED, settled.recheckState());
            assertEquals(provisional.withRecheckState(RecheckState.CONFIRMED), settled, "only the state changes");

            IntegrityReport report = store.verify();
            assertTrue(report.ok(), report.firstBroken());
            // 8 visits, 2 runs, 2 state changes (the unanswered finding changed nothing)
            assertEquals(12, report.auditEntries());
        }
    }

    @Test
    void recheckOfAnUnknownVisitChangesNothing() {
        try (VisitStore store = Stores.open(dir, CLOCK)) {
            SampleVisits.everyKind().forEach(store::record);
            String pending = store.pendingRechecks().get(0).visitId();
            RecheckRun run = new RecheckRun(SampleVisits.MORNING, SampleVisits.MORNING, List.of(
                    new RecheckFinding(pending, RecheckFinding.Kind.CONFIRMED, null, null),
                    new RecheckFinding("2026-12-01-9999", RecheckFinding.Kind.CONFIRMED, null, null)));
            assertThrows(NoSuchElementException.class, () -> store.recordRecheck(run));
            assertEquals(2, store.pendingRechecks().size(), "the whole run rolled back");
            assertEquals(8, store.verify().auditEntries());
        }
    }

    @Test
    void revokingConsentKeepsTheAnswersAndNotesWhen() {
        try (VisitStore store = Stores.open(dir, CLOCK)) {
            Visit v = store.record(SampleVisits.everyKind().get(0));
            OffsetDateTime at = SampleVisits.MORNING.plusMinutes(20);
            store.revokeConsent(v.visitId(), at);
            store.revokeConsent(v.visitId(), at.plusMinutes(5)); // the first withdrawal stays
            Visit after = store.visit(v.visitId()).orElseThrow();
            assertEquals(at, after.consent().revokedAt());
            assertEquals(v.consent().categories(), after.consent().categories());
            Visit stopped = store.record(SampleVisits.everyKind().get(1));
            assertThrows(IllegalArgumentException.class, () -> store.revokeConsent(stopped.visitId(), at));
            assertThrows(NoSuchElementException.class, () -> store.revokeConsent("2026-12-01-0404", at));
            IntegrityReport report = store.verify();
            assertTrue(report.ok(), report.firstBroken());
            assertEquals(3, report.auditEntries());
        }
    }

    @Test
    void normalisedTablesHoldConsentsAndDeclarations() throws Exception {
        try (VisitStore store = Stores.open(dir, CLOCK)) {
            SampleVisits.everyKind().forEach(store::record);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Stores.SQLITE_FILE));
             Statement s = c.createStatement()) {
            assertEquals(2, count(s, "SELECT COUNT(*) FROM consents"));
            assertEquals(8, count(s, "SELECT COUNT(*) FROM consent_answers"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM consent_answers WHERE category = 'checkup' AND answer = 0 AND visit_id = '2026-12-01-0001'"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM declarations WHERE stated_insurance IS NOT NULL AND name = '申立 花子7'"));
            assertEquals(2, count(s, "SELECT COUNT(*) FROM visits WHERE recheck_state = 'pending'"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM schema_version"));
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void dataDirectoryRules() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(StoreException.Kind.UNAVAILABLE,
                assertThrows(StoreException.class, () -> Stores.open(file, CLOCK)).kind());
        Path missingParent = dir.resolve("typo").resolve("data");
        assertEquals(StoreException.Kind.UNAVAILABLE,
                assertThrows(StoreException.class, () -> Stores.open(missingParent, CLOCK)).kind());
        assertFalse(Files.exists(missingParent.getParent()), "a named folder's parents are not created");
        Path platform = dir.resolve("home/.local/share/mynadesk");
        try (VisitStore store = Stores.open(new DataDirectory(platform, false), CLOCK)) {
            assertNotNull(store.record(SampleVisits.numbered(1, SampleVisits.MORNING)).visitId());
        }
        assertTrue(Files.exists(platform.resolve(Stores.SQLITE_FILE)), "the platform default is created with its parents");
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        assertTrue(readOnly.toFile().setWritable(false));
        try {
            if (!Files.isWritable(readOnly)) { // root can write anywhere; the rule is then untestable here
                assertEquals(StoreException.Kind.UNAVAILABLE,
                        assertThrows(StoreException.class, () -> Stores.open(readOnly, CLOCK)).kind());
            }
        } finally {
            readOnly.toFile().setWritable(true);
        }
    }

    @Test
    void garbageInsteadOfADatabaseIsCorrupt() throws Exception {
        Files.write(dir.resolve(Stores.SQLITE_FILE), new byte[8192]);
        Files.writeString(dir.resolve(Stores.SQLITE_FILE), "this is not a database at all".repeat(200));
        assertEquals(StoreException.Kind.CORRUPT,
                assertThrows(StoreException.class, () -> Stores.open(dir, CLOCK)).kind());
    }

    private static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
