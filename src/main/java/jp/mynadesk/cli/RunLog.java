package jp.mynadesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.settings.Settings;
import jp.mynadesk.settings.SettingsException;
import jp.mynadesk.store.DataDirectory;

/**
 * The operations log as the command line uses it (docs/CLINIC.md, "The operations log"): the commands that use a data
 * folder open it there, {@link Main} closes it when the command ends, and an unexpected failure is written to it with
 * its stack trace. Only the command's name is logged, never its arguments (a PIN never is one, but an insurer
 * number can be).
 */
final class RunLog {
    /** Commands whose second word names a subcommand (logged as "db verify"). */
    private static final Set<String> GROUPS = Set.of("db", "card", "reader", "service", "trace", "scenario", "docs",
            "settings", "bench");

    private static String command = "mynadesk";
    private static String dataOption;
    private static String configOption;
    private static boolean opened;

    private RunLog() {}

    /** A command line starts: its name, and its {@code --data} in case it fails before it opens the log itself. */
    static synchronized void begin(String[] args) {
        command = name(args);
        dataOption = option(args, "--data");
        configOption = option(args, "--config");
        opened = false;
    }

    /** The last value given to {@code name} ({@code --name V} or {@code --name=V}), or null. */
    private static String option(String[] args, String name) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith(name + "=")) {
                value = args[i].substring(name.length() + 1);
            }
        }
        return value;
    }

    static String name(String[] args) {
        if (args.length == 0 || !word(args[0])) {
            return "mynadesk";
        }
        if (args.length > 1 && GROUPS.contains(args[0]) && word(args[1])) {
            return args[0] + " " + args[1];
        }
        return args[0];
    }

    /** A command's name: lower-case letters and hyphens (no regular expression on every start: docs/ARCHITECTURE.md). */
    private static boolean word(String s) {
        if (s.isEmpty() || s.length() > 31 || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens the log in the command's data folder, made as the record makes it (store.DataDirectory): the platform's
     * default with its parents, a folder the user named only when its parent exists.
     */
    static synchronized void open(DataDirectory dir) {
        try {
            Path path = dir.path().toAbsolutePath();
            if (!dir.named()) {
                Files.createDirectories(path);
            } else if (!Files.exists(path) && path.getParent() != null && Files.isDirectory(path.getParent())) {
                Files.createDirectory(path);
            }
        } catch (IOException | SecurityException e) {
            return; // the record will say why the folder cannot be used
        }
        OperationsLog.command(command);
        opened |= OperationsLog.open(dir.path(), Main.version()).isPresent();
    }

    /** The command ended: the stop line, and the log closed. */
    static synchronized void end(int exitCode) {
        if (opened) {
            opened = false;
            OperationsLog.close(exitCode);
        }
    }

    /** A failure the command explained (bad input, something unavailable): one line, when a log is open. */
    static synchronized void refused(int exitCode, String message) {
        if (opened && exitCode != ExitCode.BAD_INPUT.status) {
            OperationsLog.warning("cli", command + " を完了できませんでした（終了コード " + exitCode + "）: "
                    + OperationsLog.foreign(message));
        }
    }

    /**
     * An unexpected failure: written with its stack trace to the log (opened in the data folder now if the command
     * had not opened it yet), and the sentence saying where it is.
     */
    static synchronized String unexpected(Throwable failure, Map<String, String> env) {
        if (!opened) {
            try {
                open(fallbackFolder(env));
            } catch (IllegalArgumentException | SettingsException noFolder) {
                return "";
            }
        }
        OperationsLog.unexpected("cli", "予期しないエラー（" + command + "）", failure);
        return OperationsLog.whereToLook();
    }

    /** The data folder as the desk commands find it: --data, else the settings' record folder, else the default. */
    private static DataDirectory fallbackFolder(Map<String, String> env) {
        if (dataOption == null) {
            Settings settings = Settings.resolve(Settings.Given.record(configOption, null, null), env);
            if (settings.record().isSet() && !settings.recordIsDatabase()) {
                return new DataDirectory(Path.of(settings.record().value()), true);
            }
        }
        return DataDirectory.resolve(dataOption, env);
    }
}
