package jp.mynadesk.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desk's one settings file (YAML): where it is ({@code --config FILE}, else {@code $MYNADESK_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/mynadesk/settings.yaml}, else {@code ~/.config/mynadesk/settings.yaml}) and what it says,
 * key by key, before the values are checked ({@link Settings}). Only a regular file of at most {@link #MAX_BYTES} is
 * read: a named pipe or a device would block the desk or feed it without end. Unknown keys are refused, so a typo is
 * never a setting silently ignored (docs/CLINIC.md, "Settings").
 */
public final class SettingsFile {
    public static final String ENV = "MYNADESK_CONFIG";
    public static final long MAX_BYTES = 64 * 1024;
    /** Every key a settings file may hold, in the order {@code setup} writes them. */
    public static final List<String> KEYS = List.of("institution", "terminal", "reader", "trustAnchors", "service",
            "record", "visualStaff");

    /**
     * Built when a settings file is read, not when the class is touched: a one-shot {@code check} with no settings file
     * otherwise built an {@code ObjectMapper} (its type factory, a {@code SimpleDateFormat} and the CLDR locale data
     * behind it) for nothing, tens of ms of a cold start (issue 23).
     */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder().build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private SettingsFile() {}

    /**
     * Where the settings file is.
     *
     * @param source OPTION ({@code --config}), ENVIRONMENT ({@code $MYNADESK_CONFIG}) or DEFAULT (the XDG place)
     */
    public record Location(Path path, Source source) {
        /** A file the user named must exist; the default place may be empty. */
        public boolean named() {
            return source != Source.DEFAULT;
        }

        /** How messages name the file. */
        public String label() {
            return "設定ファイル " + path;
        }
    }

    /**
     * What the file held.
     *
     * @param exists false when there is no file at the default place (all settings come from elsewhere)
     * @param values key → value as written (a key set to nothing is absent)
     */
    public record Contents(Location location, boolean exists, Map<String, JsonNode> values) {}

    /**
     * The settings file's place, or null when none can be named (no option, variable, XDG folder nor HOME).
     *
     * @throws SettingsException for an empty or impossible {@code --config} path
     */
    public static Location locate(String option, Map<String, String> env) {
        if (option != null) {
            return new Location(path(option, "--config"), Source.OPTION);
        }
        String variable = env.get(ENV);
        if (variable != null && !variable.isBlank()) {
            return new Location(path(variable, "環境変数 " + ENV), Source.ENVIRONMENT);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) { // XDG: relative values are to be ignored
            return new Location(Path.of(xdg, "mynadesk", "settings.yaml"), Source.DEFAULT);
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            return null;
        }
        return new Location(Path.of(home, ".config", "mynadesk", "settings.yaml"), Source.DEFAULT);
    }

    private static Path path(String value, String where) {
        if (value.isBlank()) {
            throw new SettingsException(where + ": 設定ファイルのパスが空です。YAML の設定ファイルのパスを指定してください。");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new SettingsException(where + ": ファイルのパスとして使えない文字が含まれています。");
        }
    }

    /**
     * Reads the file at {@code location}; a file at the default place that does not exist is empty.
     *
     * @throws SettingsException (Japanese, naming the file and the key) for a missing named file, a file that is not a
     *                           regular file or too large, text that is not UTF-8 YAML, a repeated or unknown key
     */
    public static Contents read(Location location) {
        if (location == null) {
            return new Contents(null, false, Map.of());
        }
        Path path = location.path();
        String label = location.label();
        if (!Files.exists(path)) {
            if (location.named()) {
                throw new SettingsException((location.source() == Source.OPTION ? "--config" : "環境変数 " + ENV) + ": "
                        + label + " がありません。mynadesk setup で作るか、パスを確かめてください。");
            }
            return new Contents(location, false, Map.of());
        }
        if (!Files.isRegularFile(path)) {
            throw new SettingsException(label + " は通常のファイルではありません（フォルダ・名前付きパイプ・装置のファイルは読みません）。");
        }
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw tooLarge(label);
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1); // the size may have changed since it was looked at
            }
        } catch (IOException e) {
            throw new SettingsException(label + " を読めません（" + e.getClass().getSimpleName()
                    + "）。ファイルの権限を確かめてください。");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(label);
        }
        return new Contents(location, true, parse(text(bytes, label), label));
    }

    private static SettingsException tooLarge(String label) {
        return new SettingsException(label + " が大きすぎます（" + (MAX_BYTES / 1024) + " KiB まで）。設定ファイルを指定してください。");
    }

    private static String text(byte[] bytes, String label) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new SettingsException(label + " は UTF-8 のテキストではありません。UTF-8 で保存してください。");
        }
    }

    /** The top-level keys of a YAML document; the parser's own words are not repeated (they quote the text). */
    static Map<String, JsonNode> parse(String text, String label) {
        JsonNode root;
        try (JsonParser p = Yaml.MAPPER.createParser(text)) {
            root = Yaml.MAPPER.readTree(p);
            if (root != null && !root.isMissingNode() && p.nextToken() != null) {
                throw new SettingsException(label + ": YAML の文書は1つだけにしてください（--- で区切らないでください）。");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String at = line > 0 ? "（" + line + " 行目）" : "";
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw new SettingsException(label + ": 同じキーが2回書かれています" + at + "。1回にしてください。");
            }
            throw new SettingsException(label + " を YAML として読めません" + at + "。「キー: 値」の形で書いてください。");
        } catch (IOException e) {
            throw new SettingsException(label + " を読めません。");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values; // an empty file: nothing set
        }
        if (!root.isObject()) {
            throw new SettingsException(label + ": 「キー: 値」の組を並べてください（使えるキー: " + String.join(", ", KEYS) + "）。");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KEYS.contains(e.getKey())) {
                throw new SettingsException(label + ": 知らないキー「" + shown(e.getKey()) + "」があります。使えるキー: "
                        + String.join(", ", KEYS) + "。");
            }
            if (!e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue());
            }
        }
        return values;
    }

    /** A key as a message may show it: printable, and short. */
    private static String shown(String key) {
        String printable = key.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
