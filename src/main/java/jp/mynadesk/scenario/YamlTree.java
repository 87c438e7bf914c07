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

/**
 * A YAML document read into a Jackson tree that remembers the line of every value, so that a scenario's problems
 * can name the line QA has to fix. Duplicate keys are refused (the second would silently win otherwise).
 */
final class YamlTree {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;

    private YamlTree(JsonNode root, Map<JsonNode, Integer> lines) {
        this.root = root;
        this.lines = lines;
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
                    String key = p.currentName();
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
            case VALUE_STRING -> F.textNode(p.getText());
            case VALUE_NUMBER_INT -> F.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> F.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> F.booleanNode(true);
            case VALUE_FALSE -> F.booleanNode(false);
            case VALUE_NULL -> F.nullNode();
            default -> throw new ScenarioException(line, null, "この値は使えません: " + p.getText());
        };
        lines.put(node, line);
        return node;
    }

    private static int line(JsonParser p) {
        return p.currentLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }
}
