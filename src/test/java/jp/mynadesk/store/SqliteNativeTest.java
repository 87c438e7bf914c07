package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** The driver's native library is extracted once, whole, by however many processes start at once. */
class SqliteNativeTest {
    @TempDir
    Path dir;

    @Test
    void aFolderPerDriverVersionAndMachine() {
        assertEquals(Path.of("/b/sqlite-native/3.53.4.0-Linux-amd64"),
                SqliteNative.folder(Path.of("/b"), "3.53.4.0", "Linux", "amd64"));
        assertEquals(Path.of("/b/sqlite-native/3.1-Mac_OS_X-aarch64"),
                SqliteNative.folder(Path.of("/b"), "3.1", "Mac OS X", "aarch64"));
        // a slash never leaves the folder
        assertEquals(Path.of("/b/sqlite-native/_..-x-y_z"), SqliteNative.folder(Path.of("/b"), "/..", "x", "y/z"));
    }

    @Test
    void extractsTheLibraryForThisMachineWhole() throws Exception {
        String name = LibraryLoaderUtil.getNativeLibName();
        SqliteNative.extract(dir, name);
        assertArrayEquals(resource(name), Files.readAllBytes(dir.resolve(name)));
        assertEquals(List.of(dir.resolve(name)), list(dir), "no temporary file left");
    }

    @Test
    void processesExtractingAtOnceLeaveOneWholeLibrary() throws Exception {
        String name = LibraryLoaderUtil.getNativeLibName();
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    SqliteNative.extract(dir, name);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(resource(name), Files.readAllBytes(dir.resolve(name)));
        assertEquals(List.of(dir.resolve(name)), list(dir), "no temporary file left");
    }

    @Test
    void removesOnlyOldCopiesTheDriverLeftInTheTemporaryFolder() throws Exception {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Path oldLib = old(dir.resolve("sqlite-3.53.4.0-0b8e-libsqlitejdbc.so"), now);
        Path oldLock = old(dir.resolve("sqlite-3.53.4.0-0b8e-libsqlitejdbc.so.lck"), now);
        Path olderVersion = old(dir.resolve("sqlite-3.45.1.0-77aa-libsqlitejdbc.so"), now);
        Path fresh = Files.writeString(dir.resolve("sqlite-3.53.4.0-91cc-libsqlitejdbc.so"), "x");
        Files.setLastModifiedTime(fresh, FileTime.from(now.minusSeconds(60)));
        Path someoneElses = old(dir.resolve("sqlite-notes.txt"), now);
        Path database = old(dir.resolve("visits.db"), now);
        assertEquals(3, SqliteNative.removeOrphans(dir, now.minus(SqliteNative.ORPHAN_AGE)));
        assertFalse(Files.exists(oldLib));
        assertFalse(Files.exists(oldLock));
        assertFalse(Files.exists(olderVersion));
        assertTrue(Files.exists(fresh), "may be a process still loading it");
        assertTrue(Files.exists(someoneElses));
        assertTrue(Files.exists(database));
    }

    @Test
    void theBuildFolderIsWhereTheClassesAre() {
        Path build = SqliteNative.buildFolder();
        assertTrue(build != null && Files.isDirectory(build), String.valueOf(build));
    }

    private static Path old(Path file, Instant now) throws Exception {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(now.minus(SqliteNative.ORPHAN_AGE).minusSeconds(1)));
        return file;
    }

    private static byte[] resource(String name) throws Exception {
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream((folder.startsWith("/") ? "" : "/") + folder + "/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
