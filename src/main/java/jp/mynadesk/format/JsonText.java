package jp.mynadesk.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON trees ({@link JsonNode}) read and written with Jackson's streaming parser and generator only, never an
 * {@code ObjectMapper}: a cold JVM takes about 170 ms to build a mapper (its serializer and deserializer machinery),
 * the streaming layer about 40 ms, and most of a one-shot command's run is its start (docs/ARCHITECTURE.md,
 * "Start-up"). The text is the same as a default mapper's: {@link #pretty} is its {@code INDENT_OUTPUT} form,
 * {@link #compact} its plain one ({@code JsonTextTest} compares them).
 */
public final class JsonText {
    private JsonText() {}

    /** Duplicate keys are an error, never a silent "last one wins". */
    public static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The one JSON document in {@code text}; content after it is an error. */
    public static JsonNode read(String text) throws JsonProcessingException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The one JSON document in {@code bytes} (UTF-8); content after it is an error. */
    public static JsonNode read(byte[] bytes) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return readDocument(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes", e);
        }
    }

    /** The one JSON document in {@code in}; content after it is an error. */
    public static JsonNode read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            return readDocument(p);
        }
    }

    private static JsonNode readDocument(JsonParser p) throws IOException {
        JsonNode node = readValue(p);
        if (p.nextToken() != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "content after the JSON document");
        }
        return node;
    }

    /**
     * The value starting at the parser's next token. Recursion is bounded: the parser refuses nesting deeper than
     * its {@code StreamReadConstraints} (1,000 levels) before the stack is in danger.
     */
    public static JsonNode readValue(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "no JSON content");
        }
        return value(p, token);
    }

    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    object.set(name, value(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> nodes.numberNode(p.getIntValue());
                    case LONG -> nodes.numberNode(p.getLongValue());
                    default -> nodes.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + token);
        }
    }

    /** Indented text, as a mapper with {@code INDENT_OUTPUT} writes it (what {@code --json} prints). */
    public static String pretty(JsonNode node) {
        return write(node, true);
    }

    /** Text on one line (the store, the audit chain, server-sent events). */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    private static String write(JsonNode node, boolean indent) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            if (indent) {
                g.useDefaultPrettyPrinter();
            }
            write(node, g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return text.toString();
    }

    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    write(field.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(element, g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    default -> g.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }
}
