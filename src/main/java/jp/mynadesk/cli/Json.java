package jp.mynadesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jp.mynadesk.documents.JsonText;

/** The one JSON document a command prints with {@code --json}. */
final class Json {
    private Json() {}

    static String pretty(JsonNode node) {
        try {
            return JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
