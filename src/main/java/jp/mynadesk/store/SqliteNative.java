package jp.mynadesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.time.Duration;
import java.time.Instant;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, extracted once into the build folder and loaded from there.
 *
 * <p>Left to itself, sqlite-jdbc extracts its 1.1 MB library into {@code /tmp} on every run (spawning {@code uname -o}
 * to tell Android apart, copying the file, reading it back to compare) and deletes it at exit: about 120 ms of a
 * one-shot {@code check}; a killed process leaves its copy behind for good (issue 23 found 45). Here the library is
 * extracted once into {@code sqlite-native/<version>-<os>-<arch>/} beside the jar (or beside {@code target/classes}),
 * and {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name} name it: loading it is then a file check and
 * {@code System.load}, about 12 ms. {@code org.sqlite.tmpdir} names the same folder, so the driver's own clean-up
 * lists that small folder instead of {@code /tmp}.
 *
 * <p>Several processes may start at once: each extracts into a temporary file of its own and renames it onto the
 * library's name, which replaces atomically; a process never sees a half-written library, and one that already
 * loaded a copy keeps it. When the folder cannot be written (an installation on a read-only disk) or anything else
 * fails, nothing is set and sqlite-jdbc extracts as before. A system property set by the user or the launcher wins.
 * The first extraction also removes sqlite-jdbc copies that killed processes left in the temporary folder.
 */
final class SqliteNative {
    static final String LIB_PATH = "org.sqlite.lib.path";
    static final String LIB_NAME = "org.sqlite.lib.name";
    static final String TMPDIR = "org.sqlite.tmpdir";

    /** A copy in the temporary folder older than this belongs to no process that is still loading it. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private static boolean prepared;

    private SqliteNative() {}

    /** Points sqlite-jdbc at the extracted library, extracting it first if needed; once per process. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(LIB_PATH) != null || System.getProperty(LIB_NAME) != null) {
            return;
        }
        Path build = buildFolder();
        if (build == null) {
            return;
        }
        Path dir = folder(build, SQLiteJDBCLoader.getVersion(), System.getProperty("os.name"), System.getProperty("os.arch"));
        String name = LibraryLoaderUtil.getNativeLibName();
        try {
            if (!Files.isRegularFile(dir.resolve(name))) {
                extract(dir, name);
                removeOrphans(Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(ORPHAN_AGE));
            }
        } catch (IOException | RuntimeException e) {
            return; // sqlite-jdbc's own extraction still works
        }
        System.setProperty(LIB_PATH, dir.toString());
        System.setProperty(LIB_NAME, name);
        if (System.getProperty(TMPDIR) == null) {
            System.setProperty(TMPDIR, dir.toString());
        }
    }

    /** {@code <build>/sqlite-native/<version>-<os>-<arch>}: a new driver or another machine's build never mixes. */
    static Path folder(Path build, String version, String os, String arch) {
        StringBuilder key = new StringBuilder(version + "-" + os + "-" + arch);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            if (!plain) {
                key.setCharAt(i, '_'); // "Mac OS X", a slash or a space: one folder name
            }
        }
        return build.resolve("sqlite-native").resolve(key.toString());
    }

    /**
     * The folder the program runs from: the jar's folder ({@code target/} for {@code target/mynadesk.jar}) or the
     * classes folder's parent ({@code target/} again); null when it cannot be told.
     */
    static Path buildFolder() {
        try {
            CodeSource source = SqliteNative.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return null;
            }
            return Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Copies the library for this machine out of the driver's jar into {@code dir/name}, replacing atomically. */
    static void extract(Path dir, String name) throws IOException {
        String folder = LibraryLoaderUtil.getNativeLibResourcePath(); // "/org/sqlite/native/Linux/x86_64"
        String resource = (folder.startsWith("/") ? "" : "/") + folder + "/" + name;
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, name + ".", ".part");
        try {
            try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no " + resource + " in sqlite-jdbc");
                }
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            part.toFile().setExecutable(true, false);
            part.toFile().setReadable(true, false);
            Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Deletes the copies sqlite-jdbc left in {@code tmp} ({@code sqlite-<version>-<uuid>-libsqlitejdbc.so} and its
     * {@code .lck}) that are older than {@code before}. A killed process leaves both, and sqlite-jdbc only removes a
     * copy without its {@code .lck}. A process still running has long loaded its copy; deleting a loaded library's
     * file does not affect it. Returns how many files were deleted.
     */
    static int removeOrphans(Path tmp, Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "sqlite-*")) {
            for (Path file : files) {
                String n = file.getFileName().toString();
                if (!n.contains("-libsqlitejdbc.") || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    FileTime modified = Files.getLastModifiedTime(file);
                    if (modified.toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // another user's file, or already gone: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // no temporary folder to tidy
        }
        return removed;
    }
}
