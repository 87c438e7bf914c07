package jp.mynadesk.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document read into a Jackson tree that remembers the line of every value, so that a scenario's problems
 * can name the line QA has to fix. Duplicate keys are refused (the second would silently win otherwise).
 */
final class YamlTree {
    /** SnakeYAML stops reading past this many code points (the file itself is at most this many bytes). */
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;

    private YamlTree(JsonNode root, Map<JsonNode, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(ScenarioFile.MAX_BYTES);
        return o;
    }

    JsonNode root() {
        return root;
    }

    /** The 1-based line a value starts on, or 0 when unknown. */
    int line(JsonNode node) {
        return lines.getOrDefault(node, 0);
    }

    /** @throws ScenarioException naming the line when the text is not YAML or a key repeats */
    static YamlTree parse(String text) {
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ScenarioException(1, null, "ファイルが空です");
            }
            JsonNode root = read(p, lines);
            if (p.nextToken() != null) {
                throw new ScenarioException(line(p), null, "1つのファイルに YAML 文書は1つだけにしてください");
            }
            return new YamlTree(root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioException(line, null, "YAML として読めません: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(0, null, "読めません: " + e.getMessage());
        }
    }

    private static JsonNode read(JsonParser p, Map<JsonNode, Integer> lines) throws IOException {
        int line = line(p);
        JsonNode node = switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = F.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = bounded(p);
                    int keyLine = line(p);
                    p.nextToken();
                    JsonNode value = read(p, lines);
                    if (o.has(key)) {
                        throw new ScenarioException(keyLine, key, "同じキーが2回書かれています");
                    }
                    o.set(key, value);
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = F.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, lines));
                }
                yield a;
            }
            case VALUE_STRING -> F.textNode(bounded(p));
            case VALUE_NUMBER_INT -> {
                bounded(p);
                yield F.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                bounded(p);
                yield F.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE -> F.booleanNode(true);
            case VALUE_FALSE -> F.booleanNode(false);
            case VALUE_NULL -> F.nullNode();
            default -> throw new ScenarioException(line, null, "この値は使えません: " + p.getText());
        };
        lines.put(node, line);
        return node;
    }

    /**
     * The current key or scalar's text, refused beyond {@link ScenarioFile#MAX_SCALAR} characters: no name, PIN, date or
     * inline document field is anywhere near that long.
     */
    private static String bounded(JsonParser p) throws IOException {
        String text = p.getText();
        if (text != null && text.length() > ScenarioFile.MAX_SCALAR) {
            throw ScenarioException.beyondLimits(line(p), p.currentName(), String.format(java.util.Locale.ROOT,
                    "値が長すぎます（%,d 文字）。1つの値は %,d 文字までです", text.length(), ScenarioFile.MAX_SCALAR));
        }
        return text;
    }

    private static int line(JsonParser p) {
        return p.currentLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }
}
