package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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

/**
 * The store's contract, run against both engines: {@link SqliteVisitStoreTest} (a data directory) and
 * {@link PostgresVisitStoreTest} (a fresh schema on a real PostgreSQL). Each {@link #open()} is another desk on the
 * same record.
 */
abstract class VisitStoreContract {
    static final Clock CLOCK = Clock.fixed(SampleVisits.MORNING.toInstant(), ZoneId.of("Asia/Tokyo"));

    /** A store (a desk) on this test's record. */
    abstract VisitStore open();

    /** The engine, for tests that build an older record by hand. */
    abstract Dialect dialect();

    /** What {@link #open()} keeps outside the record (audit key, anchor). */
    abstract Seal seal();

    /** A plain connection to the record's tables, outside the store. */
    final Connection raw() throws SQLException {
        return dialect().connect();
    }

    @Test
    void everyRouteAndOutcomeReadsBackAsRecordedAfterReopening() {
        List<Visit> recorded;
        try (VisitStore store = open()) {
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
        try (VisitStore store = open()) {
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
        try (VisitStore store = open()) {
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
        try (VisitStore one = open(); VisitStore two = open()) {
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
        try (VisitStore store = open()) {
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
        try (VisitStore store = open()) {
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
        try (VisitStore store = open()) {
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
        try (VisitStore store = open()) {
            SampleVisits.everyKind().forEach(store::record);
        }
        try (Connection c = raw(); Statement s = c.createStatement()) {
            assertEquals(2, count(s, "SELECT COUNT(*) FROM consents"));
            assertEquals(8, count(s, "SELECT COUNT(*) FROM consent_answers"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM consent_answers WHERE category = 'checkup' AND answer = 0 AND visit_id = '2026-12-01-0001'"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM declarations WHERE stated_insurance IS NOT NULL AND name = '申立 花子7'"));
            assertEquals(2, count(s, "SELECT COUNT(*) FROM visits WHERE recheck_state = 'pending'"));
            assertEquals(Migrations.latest(), count(s, "SELECT COUNT(*) FROM schema_version"));
        }
    }

    @Test
    void subsidyAnswersAndNumbersAreRecordedWithTheVisitAndVerified() throws Exception {
        Visit yes;
        Visit no;
        try (VisitStore store = open()) {
            Visit base = SampleVisits.everyKind().get(0);
            yes = store.record(withSubsidy(base, new jp.mynadesk.desk.SubsidyRecord(true, List.of(
                    new jp.mynadesk.desk.Subsidy("ひとり親家庭等医療費助成", "81136012", "1234566"),
                    new jp.mynadesk.desk.Subsidy("重度心身障害者医療費助成", "80136013", "2345676")))));
            no = store.record(withSubsidy(base, new jp.mynadesk.desk.SubsidyRecord(false, List.of())));
            assertEquals(yes.subsidy(), store.visit(yes.visitId()).orElseThrow().subsidy());
            assertEquals(no.subsidy(), store.visit(no.visitId()).orElseThrow().subsidy());
            IntegrityReport report = store.verify();
            assertTrue(report.ok(), report.firstBroken());
        }
        try (Connection c = raw(); Statement s = c.createStatement()) {
            assertEquals(2, count(s, "SELECT COUNT(*) FROM subsidy_answers"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM subsidy_answers WHERE used = 0 AND visit_id = '" + no.visitId() + "'"));
            assertEquals(1, count(s, "SELECT COUNT(*) FROM subsidy_certificates WHERE seq = 2 AND public_expense_number = "
                    + "'80136013' AND beneficiary_number = '2345676' AND visit_id = '" + yes.visitId() + "'"));
            s.execute("UPDATE subsidy_certificates SET beneficiary_number = '9999999' WHERE visit_id = '" + yes.visitId() + "' AND seq = 1");
        }
        try (VisitStore store = open()) {
            IntegrityReport report = store.verify();
            assertFalse(report.ok(), "an edited 受給者番号 is found");
        }
    }

    private static Visit withSubsidy(Visit v, jp.mynadesk.desk.SubsidyRecord subsidy) {
        return new Visit(null, v.asOf(), v.terminal(), v.route(), v.outcome(), v.reason(), v.warnings(), v.qualification(),
                v.consent(), v.decision(), v.patient(), v.statedInsurance(), v.confirmedBy(), v.numbers(), v.recheckState(),
                v.simulated(), v.card(), subsidy);
    }

    @Test
    void aRecordWhoseVersionTableIsGoneIsCalledDamagedNotMadeAgain() throws Exception {
        try (VisitStore store = open()) {
            store.record(SampleVisits.everyKind().get(0));
        }
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE schema_version");
        }
        StoreException e = assertThrows(StoreException.class, this::open);
        assertEquals(StoreException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("db verify"), e.getMessage());
        try (Connection c = raw(); Statement s = c.createStatement()) {
            assertEquals(1, count(s, "SELECT COUNT(*) FROM visits"), "the visits are left as they were");
        }
    }

    @Test
    void consentRevokedAtOneDeskIsSeenAtTheOther() {
        try (VisitStore front = open(); VisitStore night = open()) {
            Visit v = front.record(SampleVisits.everyKind().get(0));
            assertTrue(night.visit(v.visitId()).orElseThrow().consent().registered(), "registered at the front desk");
            OffsetDateTime at = SampleVisits.MORNING.plusHours(1);
            night.revokeConsent(v.visitId(), at);
            assertEquals(at, front.visit(v.visitId()).orElseThrow().consent().revokedAt());
            assertTrue(front.verify().ok(), front.verify().firstBroken());
        }
    }

    @Test
    void oneRecheckAtATimeAcrossDesks() {
        try (VisitStore one = open(); VisitStore two = open()) {
            VisitStore.RecheckClaim claim = one.claimRecheck().orElseThrow();
            assertTrue(two.claimRecheck().isEmpty(), "the other desk must wait");
            assertTrue(one.claimRecheck().isEmpty(), "not twice at one desk either");
            claim.close();
            try (VisitStore.RecheckClaim next = two.claimRecheck().orElseThrow()) {
                assertTrue(one.claimRecheck().isEmpty());
            }
        }
        try (VisitStore gone = open()) {
            gone.claimRecheck().orElseThrow(); // closing the store (the desk's process ending) lets the others run
        }
        try (VisitStore after = open()) {
            assertTrue(after.claimRecheck().isPresent());
        }
    }

    @Test
    void anOlderRecordIsMigratedAndKeepsItsVisits() throws Exception {
        List<Visit> old;
        try (Connection c = raw()) {
            Migrations.apply(c, dialect(), CLOCK, 1);
            AuditChain audit = new AuditChain(CLOCK);
            old = new java.util.ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Visit v = SampleVisits.numbered(i, SampleVisits.MORNING).withId(VisitRows.id(LocalDate.of(2026, 12, 1), i));
                VisitRows.Image image = VisitRows.image(v);
                // As a mynadesk before the mode was kept wrote it: no simulated column, no "simulated" in the JSON.
                com.fasterxml.jackson.databind.node.ObjectNode body = jp.mynadesk.desk.VisitJson.full(v);
                body.remove("simulated");
                Transactions.write(c, dialect(), () -> {
                    VisitRows.VisitRow r = image.visit();
                    try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO visits (id, day, day_seq, as_of, "
                            + "terminal, route, outcome, recheck_state, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        p.setString(1, r.id());
                        p.setString(2, r.day());
                        p.setInt(3, r.daySeq());
                        p.setString(4, r.asOf());
                        p.setString(5, r.terminal());
                        p.setString(6, r.route());
                        p.setString(7, r.outcome());
                        p.setString(8, r.recheckState());
                        p.setString(9, Canonical.text(body));
                        p.executeUpdate();
                    }
                    VisitRows.insertChildren(c, image);
                    com.fasterxml.jackson.databind.node.ObjectNode payload =
                            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                    payload.set("visit", body);
                    audit.append(c, AuditChain.Action.VISIT_RECORDED, v.visitId(), payload);
                    return null;
                });
                old.add(v);
            }
            assertEquals(1, Migrations.current(c, dialect()));
        }
        // the three plain entries are verified, then sealed: the chain is keyed from #4 on
        assertEquals(new SchemaChange(1, Migrations.latest(), 3), JdbcVisitStore.migrate(dialect(), seal(), CLOCK));
        assertEquals(new SchemaChange(Migrations.latest(), Migrations.latest()), JdbcVisitStore.migrate(dialect(), seal(), CLOCK));
        try (VisitStore store = open()) {
            assertEquals(old, store.visits(null), "an older visit reads as simulated (docs/CLINIC.md)");
            assertTrue(old.stream().allMatch(Visit::simulated));
            assertEquals(3, store.visits(null, true).size());
            assertEquals(List.of(), store.visits(null, false));
            List<String> listed = new java.util.ArrayList<>();
            store.forEachVisitJson(null, true, listed::add);
            assertEquals(3, listed.size());
            for (String json : listed) {
                assertTrue(jp.mynadesk.desk.VisitJson.parse(json).path("simulated").asBoolean(false), json);
            }
            assertEquals("2026-12-01-0004", store.record(SampleVisits.numbered(4, SampleVisits.MORNING)).visitId());
            IntegrityReport report = store.verify();
            assertTrue(report.ok(), report.firstBroken());
            assertEquals(4, report.auditEntries());
            assertEquals(3, report.unkeyedEntries(), "said: the first three are from before the key");
        }
    }

    @Test
    void eachVisitKeepsWhetherItWasSimulatedAndListsFilterOnIt() throws Exception {
        List<Visit> recorded = new java.util.ArrayList<>();
        try (VisitStore store = open()) {
            for (int i = 1; i <= 4; i++) {
                Visit v = SampleVisits.numbered(i, SampleVisits.MORNING.plusMinutes(i));
                Visit clinic = new Visit(v.visitId(), v.asOf(), v.terminal(), v.route(), v.outcome(), v.reason(),
                        v.warnings(), v.qualification(), v.consent(), v.decision(), v.patient(), v.statedInsurance(),
                        v.confirmedBy(), v.numbers(), v.recheckState(), i % 2 == 0, null);
                recorded.add(store.record(clinic));
            }
        }
        try (VisitStore store = open()) {
            assertEquals(recorded, store.visits(null));
            assertEquals(List.of(recorded.get(1), recorded.get(3)), store.visits(null, true));
            assertEquals(List.of(recorded.get(0), recorded.get(2)), store.visits(null, false));
            assertEquals(List.of(), store.visits(LocalDate.of(2026, 12, 2), false));
            List<String> clinic = new java.util.ArrayList<>();
            store.forEachVisitJson(null, false, clinic::add);
            assertEquals(2, clinic.size());
            for (String json : clinic) {
                assertFalse(jp.mynadesk.desk.VisitJson.parse(json).path("simulated").asBoolean(true), json);
            }
            assertTrue(store.verify().ok(), store.verify().firstBroken());
        }
        try (Connection c = raw(); Statement s = c.createStatement()) {
            // an edit of the column alone is found: verify compares it with the audit chain
            s.executeUpdate("UPDATE visits SET simulated = 1 WHERE simulated = 0");
        }
        try (VisitStore store = open()) {
            assertFalse(store.verify().ok());
        }
    }

    @Test
    void theDatabaseRefusesAForkedAuditChain() throws Exception {
        try (VisitStore store = open()) {
            store.record(SampleVisits.numbered(1, SampleVisits.MORNING));
            store.record(SampleVisits.numbered(2, SampleVisits.MORNING));
        }
        try (Connection c = raw(); Statement s = c.createStatement()) {
            // a second entry after #1, as a writer that skipped the lock would append it
            assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO audit (seq, at, action, entity, payload, "
                    + "prev_hash, hash) SELECT 3, at, action, entity, payload, prev_hash, 'forged' FROM audit WHERE seq = 2"));
            assertEquals(2, count(s, "SELECT COUNT(*) FROM audit"));
        }
    }

    static int count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
