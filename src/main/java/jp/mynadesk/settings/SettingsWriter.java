package jp.mynadesk.settings;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes the settings file {@code mynadesk setup} made: every value quoted (a code like {@code 0112345678} stays
 * text), keys in {@link SettingsFile#KEYS} order, and replaced in one step so that a desk starting meanwhile reads
 * the old file or the new one, never half of one.
 */
public final class SettingsWriter {
    private SettingsWriter() {}

    /**
     * The YAML text.
     *
     * @param values key → a String or a List of Strings; absent or null keys are left out (their default applies)
     */
    public static String yaml(Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        out.append("# mynadesk の設定（mynadesk setup が書きました）。キーと値の意味: docs/CLINIC.md の「Settings」\n");
        for (String key : SettingsFile.KEYS) {
            Object value = values.get(key);
            if (value == null) {
                continue;
            }
            if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    continue;
                }
                out.append(key).append(":\n");
                for (Object item : list) {
                    out.append("  - ").append(quoted(item.toString())).append('\n');
                }
            } else {
                out.append(key).append(": ").append(quoted(value.toString())).append('\n');
            }
        }
        return out.toString();
    }

    /** A YAML double-quoted scalar (its escapes are JSON's). */
    static String quoted(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** Writes {@code text} to {@code file} (its folder made if needed), replacing the old file at once. */
    public static void write(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IOException("not a regular file");
        }
        Path temp = Files.createTempFile(folder, ".settings", ".yaml.tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
