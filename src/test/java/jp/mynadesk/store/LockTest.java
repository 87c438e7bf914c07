package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.cli.Main;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process holds the record: we wait the busy timeout, then say so (exit 3); the file stays whole. */
class LockTest {
    @TempDir
    Path dir;

    @BeforeEach
    void oneVisit() {
        try (VisitStore first = Stores.open(dir, SqliteVisitStoreTest.CLOCK)) {
            first.record(SampleVisits.numbered(1, SampleVisits.MORNING));
        }
    }

    @Test
    void recordWaitsForAnotherWriterThenReportsUnavailable() throws Exception {
        try (VisitStore store = Stores.open(new DataDirectory(dir, true), SqliteVisitStoreTest.CLOCK, Duration.ofMillis(300))) {
            try (Holder holder = new Holder(dir, "BEGIN EXCLUSIVE;")) {
                long start = System.nanoTime();
                StoreException e = assertThrows(StoreException.class,
                        () -> store.record(SampleVisits.numbered(2, SampleVisits.MORNING)));
                assertEquals(StoreException.Kind.UNAVAILABLE, e.kind());
                assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250), "it waited the busy timeout first");
                assertEquals(1, store.visits(null).size(), "WAL: reading goes on while another desk writes");
            }
            assertEquals("2026-12-01-0002", store.record(SampleVisits.numbered(2, SampleVisits.MORNING)).visitId());
            assertTrue(store.verify().ok());
        }
    }

    @Test
    void commandExits3WithAMessageWhileTheRecordIsHeld() throws Exception {
        // exclusive locking mode shuts readers out too, so even db verify must wait
        try (Holder holder = new Holder(dir, "PRAGMA locking_mode=EXCLUSIVE;\nBEGIN EXCLUSIVE;")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"db", "verify", "--wait", "0.3", "--data", dir.toString()},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(3, code, out + " / " + err);
            assertFalse(err.toString().isBlank(), "the clerk is told why");
            assertFalse(err.toString().contains("Exception"), err.toString());
        }
        int code = Main.run(new String[] {"db", "verify", "--data", dir.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(0, code, "the file is whole once the other process is gone");
    }

    /** A sqlite3 process that holds a write transaction until closed (then rolls it back). */
    static final class Holder implements AutoCloseable {
        private final Process p;

        Holder(Path dir, String begin) throws IOException {
            p = new ProcessBuilder("sqlite3", dir.resolve(Stores.SQLITE_FILE).toString())
                    .redirectErrorStream(true).start();
            p.getOutputStream().write((begin + "\nUPDATE schema_version SET version = version;\nSELECT 'locked';\n")
                    .getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("locked")) {
                if (line.contains("error")) {
                    throw new IllegalStateException("sqlite3: " + line);
                }
            }
        }

        @Override
        public void close() throws Exception {
            p.getOutputStream().write("ROLLBACK;\n.quit\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
