package jp.mynadesk.documents;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Parsing JSON text into a tree, with errors that say line and column; and the shared output mapper. */
public final class JsonText {
    private JsonText() {}

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Parses {@code text} (from {@code source}, e.g. a file name) or explains where it is broken. */
    public static JsonNode parse(String text, String source) throws DocumentInputException {
        if (text.isBlank()) {
            throw new DocumentInputException(source + " が空です。JSON を指定してください（形式は docs/QR-PAYLOAD.md と docs/RULES.md §4 を参照）。");
        }
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new DocumentInputException(source + " の " + at.getLineNr() + " 行 " + at.getColumnNr()
                        + " 列: JSON の後に余分な内容があります。JSON 文書は一つだけにしてください。");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " の " + at.getLineNr() + " 行 " + at.getColumnNr() + " 列";
            throw new DocumentInputException(source + where + ": JSON として読めません（" + quietly(e.getOriginalMessage())
                    + "）。括弧・引用符・カンマを確かめて直してください。", e);
        } catch (java.io.IOException e) {
            throw new DocumentInputException(source + " を読めません: " + e.getMessage(), e);
        }
    }

    /** Jackson quotes the offending token; drop it so no input value (possibly a My Number) is echoed. */
    private static String quietly(String message) {
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        return firstLine.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }
}
