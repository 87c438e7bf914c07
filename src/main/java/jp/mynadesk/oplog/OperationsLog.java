package jp.mynadesk.oplog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The operations log (運用記録): one file in the data folder, {@code <data>/log/mynadesk.log}, written through the
 * JDK's logging ({@link java.util.logging}) and rotated by size (1 MiB × 5 files). It records what IT support needs
 * after the fact: starts and stops, the settings in force (paths and names, never secrets), reader and service
 * events, and every unexpected exception with its stack trace. It never holds a PIN, a name, a birth date, an
 * insurer number or a My Number: nothing logged is built from a patient's data, and digit runs in text from
 * elsewhere (exceptions, {@link #foreign}) are masked on the way in (docs/CLINIC.md, "The operations log").
 *
 * <p>A command opens the log for its data folder ({@link #open}); until then (and in a JVM that never opens one,
 * such as a unit test) every call here returns at once, and nothing reaches the console. The log belongs to the
 * process: opening another folder moves it there.
 */
public final class OperationsLog {
    public static final String FOLDER = "log";
    public static final String FILE = "mynadesk.log";
    public static final long LIMIT = 1L << 20;
    public static final int COUNT = 5;

    private static final String BASE = "jp.mynadesk";

    /** Held strongly: LogManager keeps loggers only weakly, and with them their handlers and settings. */
    private static Logger base;
    private static RotatingLogHandler handler;
    private static String command = "mynadesk";
    private static boolean hooked;

    private OperationsLog() {}

    /** What this process is (e.g. {@code desk}, {@code db verify}), named in the start and stop lines. */
    public static synchronized void command(String name) {
        command = name == null || name.isBlank() ? "mynadesk" : name;
    }

    /**
     * Opens (or keeps) the log in {@code dataFolder}/log and writes the start line. The folder is made owner-only
     * (0700) and so is the file (0600). A log that cannot be made is not a reason to stop the desk: the failure is
     * returned as empty and the desk goes on without one.
     */
    public static synchronized Optional<Path> open(Path dataFolder, String version) {
        Path file = dataFolder.toAbsolutePath().normalize().resolve(FOLDER).resolve(FILE);
        if (handler != null && handler.file().equals(file)) {
            return Optional.of(file);
        }
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir.getParent())) {
                return Optional.empty(); // the data folder itself is made by the record, never here
            }
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
            if (Files.exists(file)) {
                ownerOnly(file, "rw-------");
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        install(new RotatingLogHandler(file, LIMIT, COUNT));
        info("process", "開始: " + version + " " + command + "（pid " + ProcessHandle.current().pid() + "）");
        return Optional.of(file);
    }

    /** Installs a handler (tests give their own limits); replaces the one before. */
    static synchronized void install(RotatingLogHandler next) {
        if (base == null) {
            base = Logger.getLogger(BASE);
            base.setUseParentHandlers(false); // never the console: stderr is the user's
        }
        if (handler != null) {
            base.removeHandler(handler);
        }
        handler = next;
        base.addHandler(next);
        base.setLevel(Level.INFO);
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(OperationsLog::interrupted, "mynadesk-log-stop"));
        }
    }

    /** The log file in use, if one is open. */
    public static synchronized Optional<Path> file() {
        return handler == null ? Optional.empty() : Optional.of(handler.file());
    }

    /** Writes the stop line and closes the log; nothing when none is open. */
    public static synchronized void close(int exitCode) {
        if (handler == null) {
            return;
        }
        info("process", "終了: " + command + "（終了コード " + exitCode + "）");
        base.removeHandler(handler);
        base.setLevel(Level.OFF);
        handler = null;
    }

    /** The JVM is stopping (Ctrl-C, a signal) with the log still open: written straight to the handler. */
    private static void interrupted() {
        RotatingLogHandler h;
        String what;
        synchronized (OperationsLog.class) {
            h = handler;
            what = command;
        }
        if (h != null) {
            LogRecord r = new LogRecord(Level.INFO, "終了: " + what + "（中断。Ctrl-C またはシグナル）");
            r.setLoggerName(BASE + ".process");
            h.publish(r);
        }
    }

    /** An event worth keeping (a start, a reader plugged in, the service back). */
    public static void info(String area, String message) {
        log(area, Level.INFO, message, null);
    }

    /** Something that went wrong in the surroundings (the service unreachable, a reader gone). */
    public static void warning(String area, String message) {
        log(area, Level.WARNING, message, null);
    }

    /** An unexpected failure, with its stack trace. */
    public static void unexpected(String area, String message, Throwable failure) {
        log(area, Level.SEVERE, message, failure);
    }

    /**
     * The sentence a staff message about an unexpected failure ends with: where the log is. Empty when no log is
     * open.
     */
    public static String whereToLook() {
        return file().map(f -> "詳しい記録は " + f + " にあります（システム担当者に渡してください）。").orElse("");
    }

    /**
     * Text from elsewhere (an exception's message, a failure's description) made fit to go into a line: digit runs of
     * 6 or more masked, so a number that reached it never reaches the log.
     */
    public static String foreign(String text) {
        return Scrub.digits(text, Scrub.FOREIGN_TEXT);
    }

    private static void log(String area, Level level, String message, Throwable failure) {
        Logger target;
        synchronized (OperationsLog.class) {
            if (handler == null) {
                return;
            }
            target = Logger.getLogger(BASE + "." + area);
        }
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName(target.getName());
        r.setThrown(failure);
        target.log(r);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder inherits the user profile's permissions
        }
    }
}
