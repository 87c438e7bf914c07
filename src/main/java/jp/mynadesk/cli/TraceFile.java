package jp.mynadesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynadesk.card.ApduTrace;

/** {@code --trace FILE}: checked before the check starts (so a typo costs nothing), written when it ends. */
final class TraceFile {
    private TraceFile() {}

    static void check(String file) {
        Path p = Path.of(file);
        Path parent = p.toAbsolutePath().getParent();
        if (Files.isDirectory(p) || parent == null || !Files.isDirectory(parent)) {
            throw CliException.badInput("--trace: " + file + " に書き出せません（フォルダがないか、フォルダそのものです）。");
        }
    }

    static void write(String file, ApduTrace trace) {
        try {
            Files.writeString(Path.of(file), trace.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.badInput("--trace: " + file + " に書き出せません。");
        }
    }
}
