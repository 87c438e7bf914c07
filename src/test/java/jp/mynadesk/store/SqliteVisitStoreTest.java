package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, and what only a data directory has. */
class SqliteVisitStoreTest extends VisitStoreContract {
    @TempDir
    Path dir;

    @Override
    VisitStore open() {
        return Stores.open(dir, CLOCK);
    }

    @Override
    Seal seal() {
        return Seal.in(dir);
    }

    @Override
    Dialect dialect() {
        return Stores.sqlite(new DataDirectory(dir, true), Stores.DEFAULT_BUSY_TIMEOUT);
    }

    @Test
    void walMode() throws Exception {
        try (VisitStore store = open(); Connection c = raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertEquals("wal", rs.getString(1));
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
        Files.writeString(dir.resolve(Stores.SQLITE_FILE), "this is not a database at all".repeat(200));
        assertEquals(StoreException.Kind.CORRUPT,
                assertThrows(StoreException.class, () -> Stores.open(dir, CLOCK)).kind());
    }
}
