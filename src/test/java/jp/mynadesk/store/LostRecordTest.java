package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.ChainRewriteTest.CliResult;
import jp.mynadesk.testsupport.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed visits lost underneath the record (issue 22 item 6): a damaged WAL, a WAL deleted under a running desk,
 * an emptied or deleted {@code mynadesk.db}, a file that fails SQLite's own check. The anchor outside the record
 * says how much there was: {@code db verify} exits 4 and {@code check} starts no new record, nor writes into it.
 */
@Tag("slow") // child JVMs
class LostRecordTest {
    static final int VISITS = 4;
    static final String AS_OF = "2026-12-01T10:30:00+09:00";

    @TempDir
    Path dir;

    @Test
    void aFlippedByteInTheWalOfAKilledDeskIsFound() throws Exception {
        Path data = deskKilledAfterVisits(false);
        Path wal = data.resolve(Stores.SQLITE_FILE + "-wal");
        long size = Files.size(wal);
        assertTrue(size > 32 + 4096, "the visits are in the WAL: " + size);
        try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
            long at = size / 2; // a frame in the middle: SQLite's recovery stops at the first frame that fails its checksum
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
        CliResult verify = ChainRewriteTest.cli("db", "verify", "--data", data.toString());
        assertEquals(4, verify.code(), verify.text());
        assertTrue(verify.text().contains("#" + VISITS), verify.text());
        refusedByCheck(data);
    }

    @Test
    void aWalDeletedUnderARunningDeskThenKillIsFound() throws Exception {
        Path data = deskKilledAfterVisits(true);
        CliResult verify = ChainRewriteTest.cli("db", "verify", "--data", data.toString());
        assertEquals(4, verify.code(), verify.text());
        refusedByCheck(data);
    }

    @Test
    void theRunningDeskItselfSeesItsWalGone() throws Exception {
        try (VisitStore store = Stores.open(dir, SqliteVisitStoreTest.CLOCK)) {
            store.record(SampleVisits.numbered(1, SampleVisits.MORNING));
            assertTrue(store.verify().ok());
            Files.delete(dir.resolve(Stores.SQLITE_FILE + "-wal"));
            IntegrityReport report = store.verify();
            assertFalse(report.ok(), "the desk still reads its unlinked WAL; the visits are not in the file");
            assertTrue(report.firstBroken().contains("WAL"), report.firstBroken());
        }
    }

    @Test
    void anEmptiedRecordIsNotStartedAgain() throws Exception {
        recordAndClose(dir);
        Files.write(dir.resolve(Stores.SQLITE_FILE), new byte[0]);
        Files.deleteIfExists(dir.resolve(Stores.SQLITE_FILE + "-wal"));
        CliResult verify = ChainRewriteTest.cli("db", "verify", "--data", dir.toString());
        assertEquals(4, verify.code(), verify.text());
        assertEquals(4, ChainRewriteTest.cli("visits", "--data", dir.toString()).code());
        refusedByCheck(dir);
        assertEquals(0, Files.size(dir.resolve(Stores.SQLITE_FILE)), "no new record made in its place");
    }

    @Test
    void aDeletedRecordIsNotStartedAgain() throws Exception {
        recordAndClose(dir);
        Files.delete(dir.resolve(Stores.SQLITE_FILE));
        CliResult verify = ChainRewriteTest.cli("db", "verify", "--data", dir.toString());
        assertEquals(4, verify.code(), verify.text());
        refusedByCheck(dir);
        assertFalse(Files.exists(dir.resolve(Stores.SQLITE_FILE)), "no new record made in its place");

        // the staff's deliberate act: the anchor put aside, a new record may begin
        Files.move(dir.resolve(Seal.ANCHOR_FILE), dir.resolve(Seal.ANCHOR_FILE + ".lost-2026-12-01"));
        Files.move(dir.resolve(Seal.KEY_FILE), dir.resolve(Seal.KEY_FILE + ".lost-2026-12-01"));
        CliResult fresh = ChainRewriteTest.cli("check", "--virtual", "default", "--data", dir.toString(), "--as-of", AS_OF);
        assertEquals(0, fresh.code(), fresh.text());
    }

    @Test
    void aFileThatFailsSqlitesOwnCheckIsNotWrittenTo() throws Exception {
        recordAndClose(dir);
        Path db = dir.resolve(Stores.SQLITE_FILE);
        // a page no visit touches: the re-check findings' index. Recording a visit would not trip over it.
        int page = Integer.parseInt(Sqlite3Tool.run(db, "SELECT rootpage FROM sqlite_master WHERE name = 'recheck_findings_visit'").strip());
        int pageSize = Integer.parseInt(Sqlite3Tool.run(db, "PRAGMA page_size").strip());
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((long) (page - 1) * pageSize);
            f.write(new byte[] {(byte) 0x0d, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f});
        }
        SqliteDialect sqlite = new SqliteDialect(db, Stores.DEFAULT_BUSY_TIMEOUT);
        try (java.sql.Connection c = sqlite.connect()) {
            assertFalse(sqlite.integrityProblems(c).isEmpty(), "the file fails the check");
        }
        try (VisitStore store = Stores.open(dir, SqliteVisitStoreTest.CLOCK)) {
            StoreException e = assertThrows(StoreException.class, () -> store.record(SampleVisits.numbered(9, SampleVisits.MORNING)));
            assertEquals(StoreException.Kind.CORRUPT, e.kind());
            assertTrue(e.getMessage().contains("整合性検査"), e.getMessage());
        }
        refusedByCheck(dir);
        assertEquals(VISITS, Integer.parseInt(Sqlite3Tool.run(db, "SELECT COUNT(*) FROM visits").strip()));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static void recordAndClose(Path data) {
        try (VisitStore store = Stores.open(data, SqliteVisitStoreTest.CLOCK)) {
            for (int i = 1; i <= VISITS; i++) {
                store.record(SampleVisits.numbered(i, SampleVisits.MORNING));
            }
        }
    }

    /** A desk in another process records the visits; then (optionally its WAL is deleted and) it is killed -9. */
    private Path deskKilledAfterVisits(boolean deleteWal) throws Exception {
        Path data = dir.resolve("data");
        Process child = new ProcessBuilder(ChildJvm.command(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Dorg.sqlite.tmpdir=" + dir), WalChild.class, data.toString(), Integer.toString(VISITS)))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("recorded", out.readLine());
            if (deleteWal) {
                Files.delete(data.resolve(Stores.SQLITE_FILE + "-wal"));
            }
        } finally {
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(VISITS, Files.readAllLines(data.resolve(Seal.ANCHOR_FILE)).size(), "a checkpoint per visit");
        return data;
    }

    /** A one-shot check is refused with exit 4 in Japanese, and records nothing. */
    private static void refusedByCheck(Path data) {
        CliResult check = ChainRewriteTest.cli("check", "--virtual", "default", "--data", data.toString(), "--as-of", AS_OF);
        assertEquals(4, check.code(), check.text());
        assertTrue(check.text().contains("失われています") || check.text().contains("壊れています")
                || check.text().contains("短くなっています"), check.text());
    }
}
