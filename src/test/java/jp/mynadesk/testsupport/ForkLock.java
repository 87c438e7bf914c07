package jp.mynadesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test JVM at a time on a resource the machine has once. Surefire runs test classes in parallel forks (pom.xml,
 * {@code forkCount}); pcscd has one vpcd reader (and one TCP port 35963 for its card) and the test PostgreSQL is
 * restarted and frozen by some tests, so the tests that use either hold a file lock under {@code target/fork-locks}
 * for as long as their class (or method) runs. The other fork meanwhile runs anything else.
 *
 * <p>Reentrant within a JVM (a class-level hold covers its methods). An OS file lock, so a fork that dies releases it.
 * Not the {@code flock /tmp/pcsc.lock} a developer takes around a whole Maven run: that one keeps other worktrees
 * off pcscd, this one keeps our own forks apart (Java's locks are POSIX record locks, independent of flock(2)).
 */
public abstract class ForkLock implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private static final Path FOLDER = Path.of("target", "fork-locks");
    private static final Map<String, Held> HELD = new HashMap<>();

    private record Held(FileChannel channel, FileLock lock, int count) {
    }

    private final String resource;

    ForkLock(String resource) {
        this.resource = resource;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        acquire(resource);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        release(resource);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        acquire(resource);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        release(resource);
    }

    static synchronized void acquire(String resource) {
        Held held = HELD.get(resource);
        if (held != null) {
            HELD.put(resource, new Held(held.channel(), held.lock(), held.count() + 1));
            return;
        }
        try {
            Files.createDirectories(FOLDER);
            FileChannel channel = FileChannel.open(FOLDER.resolve(resource + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            HELD.put(resource, new Held(channel, channel.lock(), 1)); // blocks while the other fork holds it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + resource + " for this test fork", e);
        }
    }

    static synchronized void release(String resource) {
        Held held = HELD.get(resource);
        if (held == null) {
            return;
        }
        if (held.count() > 1) {
            HELD.put(resource, new Held(held.channel(), held.lock(), held.count() - 1));
            return;
        }
        HELD.remove(resource);
        try {
            held.lock().release();
            held.channel().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + resource, e);
        }
    }

    /** pcscd's one vpcd reader ({@link RequiresPcscd}). */
    public static final class Pcscd extends ForkLock {
        public Pcscd() {
            super("pcscd");
        }
    }

    /** The test PostgreSQL server, which some tests restart or freeze ({@link RequiresPostgres}). */
    public static final class Postgres extends ForkLock {
        public Postgres() {
            super("postgres");
        }
    }
}
