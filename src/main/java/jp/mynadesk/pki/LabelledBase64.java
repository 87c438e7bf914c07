package jp.mynadesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text format of the bundled simulator files ({@link SimulatorKeys}, {@link SimulatorCertificates}): UTF-8,
 * {@code #} comment lines, blank lines, and one {@code label = base64} line per entry. Labels contain {@code :}, so
 * this is not a {@link java.util.Properties} file. Only the lines are split here; decoding an entry is the caller's,
 * on first use of its label.
 */
final class LabelledBase64 {
    private LabelledBase64() {}

    /** The resource {@code name} next to {@code owner}, read with {@link #parse}; missing or unreadable, it throws. */
    static Map<String, String> resource(Class<?> owner, String name, int maxBytes) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("simulator resource " + name + " is missing from the jar");
            }
            return parse(name, in, maxBytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read simulator resource " + name, e);
        }
    }

    /**
     * Reads at most {@code maxBytes}; a malformed line throws {@link IllegalStateException} with its number.
     *
     * @return label → base64 text, in file order, unmodifiable
     */
    static Map<String, String> parse(String source, InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new IllegalStateException(source + ": larger than " + maxBytes + " bytes");
        }
        Map<String, String> encoded = new LinkedHashMap<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String label = eq < 0 ? "" : line.substring(0, eq).strip();
            if (label.isEmpty()) {
                throw new IllegalStateException(source + " line " + (i + 1) + ": expected \"label = base64\"");
            }
            if (encoded.put(label, line.substring(eq + 1).strip()) != null) {
                throw new IllegalStateException(source + " line " + (i + 1) + ": label " + label + " appears twice");
            }
        }
        return Collections.unmodifiableMap(encoded);
    }

    /** The file text for these entries, in the map's order: what {@link #parse} reads back. */
    static String format(String header, Map<String, byte[]> entries) {
        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        entries.forEach((label, bytes) -> {
            if (label.isBlank() || label.contains("=") || !label.equals(label.strip()) || label.startsWith("#")
                    || label.contains("\n") || label.contains("\r")) {
                throw new IllegalArgumentException("label cannot be written to a simulator file: " + label);
            }
            text.append(label).append(" = ").append(Base64.getEncoder().encodeToString(bytes)).append('\n');
        });
        return text.toString();
    }
}
