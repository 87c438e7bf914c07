package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.text.SafeText;

/**
 * Everything the pages are sent as JSON (answers and server-sent events): each string, key and value, through
 * {@link SafeText#text}. The pages set text with {@code textContent}, so HTML is never interpreted; this also keeps a
 * bidi override (U+202E) in a name from a QR code or the service from showing the name reversed on the staff page,
 * and a control character from reaching it: each is shown as its code ({@code \u202E}).
 */
final class SafeJson implements JsonMapper {
    private final JavalinJackson plain = new JavalinJackson();

    /** {@code node} with every string cleaned; the same node when nothing needed it (the usual case). */
    static JsonNode tree(JsonNode node) {
        if (node.isTextual()) {
            String clean = SafeText.text(node.textValue());
            return clean.equals(node.textValue()) ? node : JsonNodeFactory.instance.textNode(clean);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode out = null;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String key = SafeText.text(field.getKey());
                JsonNode value = tree(field.getValue());
                if (out == null && (!key.equals(field.getKey()) || value != field.getValue())) {
                    out = JsonNodeFactory.instance.objectNode();
                    for (Map.Entry<String, JsonNode> before : object.properties()) {
                        if (before.getKey().equals(field.getKey())) {
                            break;
                        }
                        out.set(before.getKey(), before.getValue());
                    }
                }
                if (out != null) {
                    out.set(key, value);
                }
            }
            return out == null ? object : out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = null;
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = tree(array.get(i));
                if (out == null && value != array.get(i)) {
                    out = JsonNodeFactory.instance.arrayNode();
                    for (int j = 0; j < i; j++) {
                        out.add(array.get(j));
                    }
                }
                if (out != null) {
                    out.add(value);
                }
            }
            return out == null ? array : out;
        }
        return node;
    }

    static String text(JsonNode node) {
        return JsonText.compact(tree(node));
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return text(obj instanceof JsonNode node ? node : plain.getMapper().valueToTree(obj));
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return new java.io.ByteArrayInputStream(toJsonString(obj, type).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return plain.fromJsonString(json, targetType);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        return plain.fromJsonStream(json, targetType);
    }
}
