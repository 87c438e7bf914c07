package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.mynadesk.cli.Main;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.VisitStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Edits made to the file outside the program, with the sqlite3 tool, are found by verify and by {@code db verify}. */
class TamperTest {
    /** The morning recorded once for the class; each test edits its own copy (files, permissions and all). */
    @TempDir
    static Path recorded;

    @TempDir
    Path dir;

    Path db;

    @BeforeAll
    static void recordAMorning() {
        try (VisitStore store = Stores.open(recorded, SqliteVisitStoreTest.CLOCK)) {
            SampleVisits.everyKind().forEach(store::record);
            String pending = store.pendingRechecks().get(0).visitId();
            store.recordRecheck(new RecheckRun(SampleVisits.MORNING.plusHours(1), SampleVisits.MORNING.plusHours(1),
                    List.of(new RecheckFinding(pending, RecheckFinding.Kind.CONFIRMED, SampleVisits.qualification(6), null))));
            store.revokeConsent("2026-12-01-0001", SampleVisits.MORNING.plusHours(2));
        }
    }

    @BeforeEach
    void copyTheMorning() throws IOException {
        RecordCopy.copy(recorded, dir);
        db = dir.resolve(Stores.SQLITE_FILE);
    }

    @Test
    void untouchedRecordIsIntact() throws Exception {
        JsonNode json = verifyCommand(0);
        assertTrue(json.get("ok").asBoolean());
        assertEquals(8, json.get("visits").asInt());
        assertEquals(11, json.get("auditEntries").asInt()); // 8 visits, 1 run, 1 state change, 1 revocation
        assertTrue(json.get("firstBroken").isNull());
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("visit body edited", "UPDATE visits SET body = replace(body, '協会 太郎', '偽 太郎') WHERE id = '2026-12-01-0003'", "2026-12-01-0003"),
                Arguments.of("indexed column edited", "UPDATE visits SET outcome = 'confirmed' WHERE id = '2026-12-01-0005'", "2026-12-01-0005"),
                Arguments.of("recheck state edited", "UPDATE visits SET recheck_state = 'confirmed' WHERE id = '2026-12-01-0007'", "2026-12-01-0007"),
                Arguments.of("consent answer edited", "UPDATE consent_answers SET answer = 1 WHERE category = 'checkup' AND visit_id = '2026-12-01-0004'", "2026-12-01-0004"),
                Arguments.of("revocation removed", "UPDATE consents SET revoked_at = NULL WHERE visit_id = '2026-12-01-0001'", "2026-12-01-0001"),
                Arguments.of("declaration edited", "UPDATE declarations SET address = '大阪府' WHERE visit_id = '2026-12-01-0007'", "2026-12-01-0007"),
                Arguments.of("visit deleted", "DELETE FROM visits WHERE id = '2026-12-01-0002'", "2026-12-01-0002"),
                Arguments.of("visit added", "INSERT INTO visits SELECT '2026-12-01-0009', day, 9, as_of, terminal, route, outcome, recheck_state, body, simulated FROM visits WHERE id = '2026-12-01-0002'", "2026-12-01-0009"),
                Arguments.of("visits reordered", "UPDATE visits SET day_seq = 100 - day_seq", "2026-12-01-0008"),
                Arguments.of("recheck finding edited", "UPDATE recheck_findings SET kind = 'qualification-lost'", "run-1"),
                Arguments.of("audit entry edited", "UPDATE audit SET at = '2026-12-01T09:00+09:00' WHERE seq = 3", "#3"),
                Arguments.of("audit payload edited", "UPDATE audit SET payload = replace(payload, 'DESK-01', 'DESK-02') WHERE seq = 5", "#5"),
                Arguments.of("audit entry deleted", "DELETE FROM audit WHERE seq = 4", "#4"),
                Arguments.of("audit entries reordered", "UPDATE audit SET seq = -2 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = -2", "#2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void editOutsideTheProgramIsFound(String what, String sql, String named) throws Exception {
        Sqlite3Tool.run(db, sql);
        try (VisitStore store = Stores.open(dir, SqliteVisitStoreTest.CLOCK)) {
            IntegrityReport report = store.verify();
            assertFalse(report.ok(), what);
            assertTrue(report.firstBroken().contains(named), report.firstBroken());
        }
        JsonNode json = verifyCommand(4);
        assertFalse(json.get("ok").asBoolean());
        assertTrue(json.get("firstBroken").asText().contains(named), json.toString());
    }

    @Test
    void overwrittenBytesAreCorruptionExit4() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            int pageSize = 4096;
            for (long page = 1; page * pageSize < f.length(); page++) {
                f.seek(page * pageSize + 8);
                f.write(new byte[300]);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"db", "verify", "--data", dir.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(4, code, out + " / " + err);
        assertFalse((out.toString() + err).contains("Exception"), "no Java class names for the user");
    }

    private JsonNode verifyCommand(int expectedExit) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"db", "verify", "--json", "--data", dir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(expectedExit, code, out + " / " + err);
        return new ObjectMapper().readTree(out.toString());
    }
}
