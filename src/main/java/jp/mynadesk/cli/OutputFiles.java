package jp.mynadesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output-file options ({@code --out}, {@code --trace}, …): checked before any work is done, written without creating
 * folders, and every write failure (a directory, a missing folder, a full disk such as /dev/full, no permission)
 * ends as exit 2 with a Japanese message that names the option.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** What writes the content; may throw IOException, which becomes a bad-input failure naming the option. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Refuses a path that is a folder, or whose folder does not exist (folders are never created: a typo in the
     * folder name should not leave a new folder behind). Call it before long work so the user hears early.
     */
    public static Path check(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw CliException.badInput(option + " " + file + ": フォルダです。書き出すファイルの名前まで指定してください（例: "
                    + file.resolve("out.png") + "）。");
        }
        if (isFifo(file)) {
            // opening a named pipe for writing blocks until something reads it: the run would hang at the end
            throw CliException.badInput(option + " " + file + ": 名前付きパイプ（FIFO）には書き出しません。通常のファイルの名前を指定してください。");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw CliException.badInput(option + " " + file + ": フォルダ " + parent
                    + " がありません。フォルダは自動では作りません。先に作るか、あるフォルダを指定してください。");
        }
        return file;
    }

    private static boolean isFifo(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0010000; // S_IFMT == S_IFIFO
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notThereOrNotUnix) {
            return false; // a file that does not exist yet, or a system without POSIX modes
        }
    }

    /** Checks the path, then writes it; a failed write (disk full, no permission) is exit 2 naming the option. */
    public static void write(String option, Path file, Content content) {
        check(option, file);
        try (OutputStream out = Files.newOutputStream(file)) {
            content.writeTo(out);
        } catch (AccessDeniedException e) {
            throw CliException.badInput(option + " " + file + ": 書き込む権限がありません。別の場所を指定してください。");
        } catch (IOException e) {
            throw CliException.badInput(option + " " + file + ": 書き込めませんでした（" + reason(e)
                    + "）。空き容量と書き込み先を確かめてください。");
        }
    }

    /** Text in UTF-8. */
    public static void writeString(String option, Path file, String text) {
        write(option, file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The operating system's reason without the Java exception's class name. */
    private static String reason(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "理由不明";
        }
        return m.contains("No space left") ? "空き容量がありません" : m;
    }
}
