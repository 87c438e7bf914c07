package jp.mynadesk.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.store.SharedDatabase;
import jp.mynadesk.store.Stores;
import jp.mynadesk.testsupport.PostgresCheck;
import jp.mynadesk.testsupport.RequiresPostgres;
import org.junit.jupiter.api.Test;

/**
 * Several desks, one record: four desk processes ({@link DeskChild}) against one PostgreSQL database and one mock
 * service, under load and with the database restarted in the middle.
 */
@RequiresPostgres
class MultiDeskTest {
    private static final int DESKS = 4;
    /**
     * Checks over all desks (every fifth provisional, re-checked later). 500 race the desks for visit ids and re-check
     * turns as 2,000 did (each desk still interleaves 125 checks with the others'); the other 1,500 added 60 s, no case.
     */
    private static final int PATIENTS = 500;

    /** What one desk process printed. */
    private record Desk(List<String> confirmed, List<String> unavailable, int rechecks, boolean done, String log) {}

    @Test
    void fourDesksCheckFiveHundredPatientsWithoutLossDuplicatesOrDoubleRechecks() throws Exception {
        SharedDatabase db = PostgresCheck.freshSchema();
        Clock clock = Station.standingAt(Clock.systemUTC(), DeskChild.DAY);
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock)
                .batchProcessingTime(Duration.ofMillis(100)))) {
            List<Desk> desks = run("check", db, service, PATIENTS / DESKS);
            Set<String> confirmed = new HashSet<>();
            desks.forEach(d -> {
                assertTrue(d.done(), d.log());
                assertEquals(PATIENTS / DESKS, d.confirmed().size(), d.log());
                confirmed.addAll(d.confirmed());
            });
            assertEquals(PATIENTS, confirmed.size(), "no visit id given twice");
            try (VisitStore store = Stores.open(db, clock, Duration.ofSeconds(10))) {
                List<Visit> visits = store.visits(null);
                assertEquals(confirmed, new HashSet<>(visits.stream().map(Visit::visitId).toList()), "nothing lost or extra");
                assertEquals(PATIENTS, visits.size());
                assertEquals(Set.of("DESK-1", "DESK-2", "DESK-3", "DESK-4"),
                        new HashSet<>(visits.stream().map(Visit::terminal).toList()));
                List<Visit> provisional = visits.stream().filter(v -> v.route() == jp.mynadesk.desk.Route.DOCUMENT_OFFLINE).toList();
                assertEquals(PATIENTS / 5, provisional.size());
                assertTrue(provisional.stream().allMatch(v -> v.recheckState() == RecheckState.CONFIRMED), "all re-checked");
                IntegrityReport report = store.verify();
                assertTrue(report.ok(), report.firstBroken());
            }
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT visit_id), MAX(n) FROM "
                         + "(SELECT visit_id, COUNT(*) AS n FROM recheck_findings GROUP BY visit_id) f")) {
                rs.next();
                assertEquals(PATIENTS / 5, rs.getInt(2), "every provisional visit re-checked");
                assertEquals(1, rs.getInt(3), "and each exactly once");
            }
        }
    }

    @Test
    void desksSurviveADatabaseRestartAndLoseNothingConfirmed() throws Exception {
        SharedDatabase db = PostgresCheck.freshSchema();
        Clock clock = Station.standingAt(Clock.systemUTC(), DeskChild.DAY);
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock))) {
            CompletableFuture<List<Desk>> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return run("record", db, service, 150);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            waitForVisitsFromEveryDesk(db, 25); // each desk has opened the record before it goes away
            Process restart = new ProcessBuilder("bash", ".ci/postgres-restart.sh").inheritIO().start();
            assertTrue(restart.waitFor(90, TimeUnit.SECONDS) && restart.exitValue() == 0, "pg_ctl restart");
            List<Desk> desks = running.get(5, TimeUnit.MINUTES);
            Set<String> confirmed = new HashSet<>();
            boolean told = false;
            for (Desk d : desks) {
                assertTrue(d.done(), d.log());
                assertEquals(150, d.confirmed().size(), d.log());
                confirmed.addAll(d.confirmed());
                told |= d.unavailable().stream().anyMatch(line -> line.startsWith("UNAVAILABLE ")
                        && line.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA));
            }
            assertTrue(told, "at least one desk was told, in Japanese, that the record was away");
            try (VisitStore store = Stores.open(db, clock, Duration.ofSeconds(10))) {
                List<String> ids = store.visits(null).stream().map(Visit::visitId).toList();
                assertEquals(ids.size(), new HashSet<>(ids).size());
                assertTrue(ids.containsAll(confirmed), "every visit a desk confirmed is on record");
                assertEquals(DESKS * 150, confirmed.size());
                // a retry after a COMMIT the restart left unanswered finds the visit instead of adding it again
                assertEquals(DESKS * 150, ids.size(), "no visit recorded twice");
                IntegrityReport report = store.verify();
                assertTrue(report.ok(), report.firstBroken());
            }
        }
    }

    private static void waitForVisitsFromEveryDesk(SharedDatabase db, int each) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(n) FROM (SELECT terminal, COUNT(*) AS n FROM visits GROUP BY terminal) t")) {
                rs.next();
                if (rs.getInt(1) == DESKS && rs.getInt(2) >= each) {
                    return;
                }
            } catch (java.sql.SQLException notYet) {
                // the desks have not made the tables yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the desks did not record " + each + " visits each in time");
    }

    private static List<Desk> run(String mode, SharedDatabase db, OqsServer service, int each) throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int d = 1; d <= DESKS; d++) {
            processes.add(new ProcessBuilder(jp.mynadesk.testsupport.ChildJvm.command(
                    List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"), DeskChild.class,
                    mode, db.url(), service.uri().toString(), "DESK-" + d, Integer.toString(each), db.auditKeyFile().toString()))
                    .redirectErrorStream(true).start());
        }
        List<CompletableFuture<Desk>> outputs = processes.stream()
                .map(p -> CompletableFuture.supplyAsync(() -> read(p))).toList();
        List<Desk> desks = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            desks.add(outputs.get(i).get());
        }
        return desks;
    }

    private static Desk read(Process p) {
        List<String> confirmed = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        int rechecks = 0;
        boolean done = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("confirmed ")) {
                    confirmed.add(line.substring(10));
                } else if (line.startsWith("unavailable ")) {
                    unavailable.add(line.substring(12));
                } else if (line.startsWith("rechecked ")) {
                    rechecks++;
                } else if (line.equals("done")) {
                    done = true;
                } else if (log.length() < 20_000) {
                    log.append(line).append('\n');
                }
            }
        } catch (java.io.IOException e) {
            log.append(e);
        }
        assertFalse(confirmed.isEmpty() && !done && log.isEmpty(), "the desk printed nothing");
        return new Desk(confirmed, unavailable, rechecks, done, log.toString());
    }
}
