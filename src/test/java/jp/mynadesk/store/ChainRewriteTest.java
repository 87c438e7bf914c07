package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.cli.Main;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rewrites that kept the chain whole (issue 22 item 5): edited with sqlite3 and re-hashed with the plain formula,
 * which {@code db verify} used to accept. The keyed chain, its seal and the anchor outside the record find each.
 */
class ChainRewriteTest {
    static final String PROVISIONAL = "2026-12-01-0006";

    /** The morning recorded once for the class; each test forges its own copy (RecordCopy). */
    @TempDir
    static Path recorded;

    @TempDir
    Path dir;

    Path db;

    @BeforeAll
    static void recordAMorning() {
        try (VisitStore store = Stores.open(recorded, SqliteVisitStoreTest.CLOCK)) {
            SampleVisits.everyKind().forEach(store::record);
            assertEquals(PROVISIONAL, store.pendingRechecks().get(0).visitId());
        }
    }

    @BeforeEach
    void copyTheMorning() throws IOException {
        RecordCopy.copy(recorded, dir);
        db = dir.resolve(Stores.SQLITE_FILE);
    }

    @Test
    void theKeyIsMadeOwnerOnlyAndTheChainIsKeyed() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Seal.KEY_FILE))));
        assertTrue(Files.readString(dir.resolve(Seal.ANCHOR_FILE)).startsWith("1 "), "a checkpoint per change");
        JsonNode ok = verify(0);
        assertEquals(0, ok.get("unkeyedEntries").asInt());
        assertEquals(8, ok.get("anchoredEntries").asInt());
        try (Connection c = Stores.sqlite(new DataDirectory(dir, true), Stores.DEFAULT_BUSY_TIMEOUT).connect()) {
            IntegrityReport plain = new IntegrityCheck(c, new SqliteDialect(db, Stores.DEFAULT_BUSY_TIMEOUT), null, null, null).run();
            assertFalse(plain.ok(), "the hashes are not the plain formula's");
        }
    }

    @Test
    void aProvisionalVisitMadeConfirmedAndReHashedIsFound() throws Exception {
        provisionalToConfirmed();
        Forger.rehashPlain(db);
        assertTrue(plainRulesPass(), "the forgery passes the rules of a chain without a key");

        JsonNode json = verify(4);
        assertTrue(json.get("firstBroken").asText().contains("#1 "), json.toString());
        assertTrue(json.get("firstBroken").asText().contains("鍵"), json.toString());
        try (VisitStore store = Stores.open(dir, SqliteVisitStoreTest.CLOCK)) {
            StoreException e = assertThrows(StoreException.class, () -> store.record(SampleVisits.numbered(9, SampleVisits.MORNING)));
            assertEquals(StoreException.Kind.CORRUPT, e.kind(), "not written to: " + e.getMessage());
        }
        assertEquals(8, count("SELECT COUNT(*) FROM visits"));
    }

    @Test
    void removingTheSealToPassAsAnOlderRecordIsFound() throws Exception {
        provisionalToConfirmed();
        Forger.rehashPlain(db);
        Forger.sql(db, "DELETE FROM audit_seal");
        JsonNode json = verify(4);
        assertTrue(json.get("firstBroken").asText().contains("audit_seal"), json.toString());
    }

    @Test
    void removingTheSealAndTheAnchorIsFoundByTheKeyLeftBehind() throws Exception {
        provisionalToConfirmed();
        Forger.rehashPlain(db);
        Forger.sql(db, "DELETE FROM audit_seal");
        Files.delete(dir.resolve(Seal.ANCHOR_FILE));
        JsonNode json = verify(4);
        assertTrue(json.get("firstBroken").asText().contains(Seal.KEY_FILE), json.toString());
    }

    @Test
    void aMiddleVisitDeletedAndTheRestRenumberedIsFound() throws Exception {
        String gone = "2026-12-01-0004";
        Forger.sql(db, "DELETE FROM consent_answers WHERE visit_id = '" + gone + "'; DELETE FROM consents WHERE visit_id = '"
                + gone + "'; DELETE FROM declarations WHERE visit_id = '" + gone + "'; DELETE FROM visits WHERE id = '" + gone
                + "'; DELETE FROM audit WHERE entity = '" + gone + "';");
        StringBuilder renumber = new StringBuilder();
        for (int n = 5; n <= 8; n++) {
            String from = VisitRows.id(LocalDate.of(2026, 12, 1), n);
            String to = VisitRows.id(LocalDate.of(2026, 12, 1), n - 1);
            renumber.append("UPDATE visits SET id = '").append(to).append("', day_seq = ").append(n - 1)
                    .append(", body = replace(body, '").append(from).append("', '").append(to).append("') WHERE id = '").append(from).append("';\n");
            for (String child : List.of("consents", "consent_answers", "declarations")) {
                renumber.append("UPDATE ").append(child).append(" SET visit_id = '").append(to).append("' WHERE visit_id = '").append(from).append("';\n");
            }
            renumber.append("UPDATE audit SET entity = '").append(to).append("', payload = replace(payload, '").append(from)
                    .append("', '").append(to).append("') WHERE entity = '").append(from).append("';\n");
        }
        Forger.sql(db, renumber.toString());
        Forger.renumberAudit(db);
        Forger.rehashPlain(db);
        assertTrue(plainRulesPass(), "a shorter morning, whole by the rules of a chain without a key");
        assertEquals(7, count("SELECT COUNT(*) FROM visits"));

        JsonNode json = verify(4);
        assertTrue(json.get("firstBroken").asText().contains("#1 "), json.toString());
    }

    @Test
    void aTruncatedRecordIsShorterThanItsAnchorAndNotWrittenTo() throws Exception {
        // the newest three visits and their entries: what is left is a whole chain, keyed hashes and all
        Forger.sql(db, "DELETE FROM consent_answers WHERE visit_id >= '2026-12-01-0006'; DELETE FROM consents WHERE visit_id >= "
                + "'2026-12-01-0006'; DELETE FROM declarations WHERE visit_id >= '2026-12-01-0006'; DELETE FROM visits WHERE id >= "
                + "'2026-12-01-0006'; DELETE FROM audit WHERE seq >= 6;");
        JsonNode json = verify(4);
        assertTrue(json.get("firstBroken").asText().contains("#8"), json.toString());
        assertEquals(5, json.get("visits").asInt());

        CliResult check = cli("check", "--virtual", "default", "--data", dir.toString(), "--as-of", "2026-12-01T10:30:00+09:00");
        assertEquals(4, check.code(), check.text());
        assertTrue(check.text().contains("記録が短くなっています"), check.text());
        assertEquals(5, count("SELECT COUNT(*) FROM visits"), "nothing recorded into it");
    }

    @Test
    void anOlderChainIsVerifiedThenKeyedFromThereAndItsPartStaysPinned() throws Exception {
        Path old = Files.createDirectory(dir.resolve("old"));
        List<Visit> visits = olderRecord(old, false);
        Path oldDb = old.resolve(Stores.SQLITE_FILE);
        CliResult migrate = cli("db", "migrate", "--data", old.toString());
        assertEquals(0, migrate.code(), migrate.text());
        assertTrue(migrate.text().contains("#1–#3") && migrate.text().contains("#4"), migrate.text());
        try (VisitStore store = Stores.open(old, SqliteVisitStoreTest.CLOCK)) {
            assertEquals(visits, store.visits(null));
            store.record(SampleVisits.numbered(4, SampleVisits.MORNING));
        }
        CliResult ok = cli("db", "verify", "--data", old.toString());
        assertEquals(0, ok.code(), ok.text());
        assertTrue(ok.text().contains("#1–#3 は鍵付きにする前"), ok.text());

        // the plain part rewritten and re-hashed up to the keyed entry, which is left as it was
        Forger.sql(oldDb, "UPDATE visits SET body = replace(body, 'marker-2', 'forged-2') WHERE day_seq = 2; "
                + "UPDATE audit SET payload = replace(payload, 'marker-2', 'forged-2') WHERE seq = 2;");
        Forger.rehashPlain(oldDb); // also re-hashes #4 plainly: the forger has no key
        JsonNode json = verifyIn(old, 4);
        assertTrue(json.get("firstBroken").asText().contains("鍵付きにした時点"), json.toString());
    }

    @Test
    void anOlderChainThatDoesNotVerifyIsNotKeyedNorWrittenTo() throws Exception {
        Path old = Files.createDirectory(dir.resolve("old"));
        olderRecord(old, true);
        try (VisitStore store = Stores.open(old, SqliteVisitStoreTest.CLOCK)) {
            StoreException e = assertThrows(StoreException.class, () -> store.record(SampleVisits.numbered(4, SampleVisits.MORNING)));
            assertEquals(StoreException.Kind.CORRUPT, e.kind());
            assertTrue(e.getMessage().contains("鍵付きにする前の監査記録に異常"), e.getMessage());
            assertFalse(store.verify().ok());
        }
        assertFalse(Files.exists(old.resolve(Seal.KEY_FILE)), "no key made for a chain it would not vouch for");
        CliResult migrate = cli("db", "migrate", "--data", old.toString());
        assertEquals(4, migrate.code(), migrate.text());
    }

    @Test
    void anotherKeyOrAKeyOthersCanReadIsRefused() throws Exception {
        Path key = dir.resolve(Seal.KEY_FILE);
        byte[] mine = Files.readAllBytes(key);
        Files.delete(key);
        AuditKey.readOrCreate(key); // another installation's key
        CliResult verify = cli("db", "verify", "--data", dir.toString());
        assertEquals(4, verify.code(), verify.text());
        assertTrue(verify.text().contains("この記録の鍵ではありません"), verify.text());
        CliResult check = cli("check", "--virtual", "default", "--data", dir.toString(), "--as-of", "2026-12-01T10:30:00+09:00");
        assertEquals(3, check.code(), check.text());
        assertEquals(8, count("SELECT COUNT(*) FROM visits"));

        Files.write(key, mine);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        CliResult open = cli("db", "verify", "--data", dir.toString());
        assertEquals(4, open.code(), open.text());
        assertTrue(open.text().contains("chmod 600"), open.text());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, cli("db", "verify", "--data", dir.toString()).code());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void provisionalToConfirmed() throws Exception {
        Forger.sql(db, "UPDATE visits SET outcome = 'confirmed', body = replace(body, '\"outcome\":\"provisional\"', "
                + "'\"outcome\":\"confirmed\"') WHERE id = '" + PROVISIONAL + "'; UPDATE audit SET payload = replace(payload, "
                + "'\"outcome\":\"provisional\"', '\"outcome\":\"confirmed\"') WHERE entity = '" + PROVISIONAL + "';");
        assertEquals(1, count("SELECT COUNT(*) FROM visits WHERE id = '" + PROVISIONAL + "' AND body LIKE '%\"outcome\":\"confirmed\"%'"));
    }

    /** The record by the rules of a chain without a key (what db verify checked before keys). */
    private boolean plainRulesPass() throws Exception {
        try (Connection c = new SqliteDialect(db, Stores.DEFAULT_BUSY_TIMEOUT).connect()) {
            return new IntegrityCheck(c, new SqliteDialect(db, Stores.DEFAULT_BUSY_TIMEOUT), null, null, null).run().ok();
        }
    }

    /** A record as an older mynadesk left it (schema 2, plain chain), optionally with an edit the chain shows. */
    private static List<Visit> olderRecord(Path folder, boolean broken) throws Exception {
        Dialect dialect = Stores.sqlite(new DataDirectory(folder, true), Stores.DEFAULT_BUSY_TIMEOUT);
        List<Visit> old = new ArrayList<>();
        try (Connection c = dialect.connect()) {
            Migrations.apply(c, dialect, SqliteVisitStoreTest.CLOCK, 3); // every version before the seal (V4)
            AuditChain audit = new AuditChain(SqliteVisitStoreTest.CLOCK);
            for (int i = 1; i <= 3; i++) {
                Visit v = SampleVisits.numbered(i, SampleVisits.MORNING).withId(VisitRows.id(LocalDate.of(2026, 12, 1), i));
                VisitRows.Image image = VisitRows.image(v);
                Transactions.write(c, dialect, () -> {
                    VisitRows.insert(c, image);
                    com.fasterxml.jackson.databind.node.ObjectNode payload =
                            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                    payload.set("visit", jp.mynadesk.desk.VisitJson.parse(image.visit().body()));
                    audit.append(c, AuditChain.Action.VISIT_RECORDED, v.visitId(), payload);
                    return null;
                });
                old.add(v);
            }
        }
        if (broken) {
            Forger.sql(folder.resolve(Stores.SQLITE_FILE), "UPDATE visits SET outcome = 'rejected' WHERE day_seq = 2");
        }
        return old;
    }

    private int count(String sql) throws Exception {
        return Integer.parseInt(Sqlite3Tool.run(db, sql).strip());
    }

    private JsonNode verify(int expectedExit) throws Exception {
        return verifyIn(dir, expectedExit);
    }

    private static JsonNode verifyIn(Path folder, int expectedExit) throws Exception {
        CliResult r = cli("db", "verify", "--json", "--data", folder.toString());
        assertEquals(expectedExit, r.code(), r.text());
        return new ObjectMapper().readTree(r.out());
    }

    record CliResult(int code, String out, String text) {}

    static CliResult cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        String text = out + " / " + err;
        assertFalse(text.contains("Exception"), "no Java class names for the user: " + text);
        return new CliResult(code, out.toString(), text);
    }
}
