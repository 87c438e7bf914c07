package jp.mynadesk.oplog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A JDK logging {@link Handler} writing one named file that is rotated by size: {@code mynadesk.log} is the newest,
 * {@code mynadesk.log.1} … {@code mynadesk.log.N-1} the older ones, so at most {@code count × limit} bytes are kept.
 * Unlike {@link java.util.logging.FileHandler}, the current file keeps its plain name and several processes (the desk,
 * a {@code check}, {@code doctor}) can share it: each record is appended under an exclusive lock on
 * {@code mynadesk.log.lck}, which also guards the rotation, and no file stays open between records. Files are created
 * owner-only (0600). When the folder has gone away the record is dropped, never the folder made again.
 */
final class RotatingLogHandler extends Handler {
    /** Shared by every handler in this JVM: a second lock on the same file from this JVM would throw. */
    private static final Object JVM_LOCK = new Object();
    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    private static final Set<OpenOption> LOCK = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);

    private final Path file;
    private final Path lockFile;
    private final long limit;
    private final int count;

    /**
     * @param file  the current log file
     * @param limit most bytes in one file (a record longer than a quarter of it is cut)
     * @param count files kept, the current one included (at least 1)
     */
    RotatingLogHandler(Path file, long limit, int count) {
        if (limit < 1024 || count < 1) {
            throw new IllegalArgumentException("limit ≥ 1 KiB and count ≥ 1");
        }
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lck");
        this.limit = limit;
        this.count = count;
        setFormatter(new LogLineFormat());
        setErrorManager(new ErrorManager() {
            @Override
            public synchronized void error(String msg, Exception ex, int code) {
                // A log that cannot be written must not write on the user's stderr instead; doctor checks the folder.
            }
        });
    }

    Path file() {
        return file;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        long most = limit / 4;
        if (bytes.length > most) {
            byte[] cut = Arrays.copyOf(bytes, (int) most);
            byte[] mark = "\n…（長すぎるため省略）\n".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(mark, 0, cut, cut.length - mark.length, mark.length);
            bytes = cut;
        }
        synchronized (JVM_LOCK) {
            try {
                append(bytes);
            } catch (IOException | RuntimeException e) {
                reportError("cannot write the operations log " + file, e,
                        ErrorManager.WRITE_FAILURE);
            }
        }
    }

    private void append(byte[] bytes) throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            return;
        }
        try (FileChannel guard = open(lockFile, LOCK); FileLock held = guard.lock()) {
            if (Files.exists(file) && Files.size(file) > 0 && Files.size(file) + bytes.length > limit) {
                rotate();
            }
            try (FileChannel out = open(file, APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
    }

    /** mynadesk.log.(N-2) → .(N-1), …, mynadesk.log → .1; the oldest falls off. */
    private void rotate() throws IOException {
        if (count == 1) {
            Files.delete(file);
            return;
        }
        Files.deleteIfExists(numbered(count - 1));
        for (int i = count - 2; i >= 1; i--) {
            try {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException missing) {
                // fewer old files than allowed so far
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    }

    Path numbered(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    /** Opens a file, created owner-only where the file system has POSIX permissions. */
    static FileChannel open(Path path, Set<OpenOption> options) throws IOException {
        try {
            return FileChannel.open(path, options, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            return FileChannel.open(path, options);
        }
    }

    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    @Override
    public void flush() {
        // every record is written and closed when published
    }

    @Override
    public void close() {
        // nothing stays open between records; LogManager's reset at shutdown must not stop the last lines either
    }
}
