package jp.mynadesk.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link JsonText} reads and writes trees exactly as a default ObjectMapper does, without one. */
class JsonTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<String> documents() {
        return List.of(
                "{}", "[]", "\"令和8年\"", "0", "-1", "true", "null",
                "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":{\"e\":\"x\\ny\\u0000\\\"z\"},\"f\":[]}",
                "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-9223372036854775808}",
                "{\"double\":1.5,\"exp\":1e300,\"small\":-2.5E-10,\"zero\":0.0}",
                "[\"氏名\",\"ｶﾅ\",\"\\ud83d\\ude00\",\"\\t\"]",
                "{\"nested\":[[[[[[[[[[{\"deep\":true}]]]]]]]]]]}");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void readsAsAMapperDoes(String text) throws Exception {
        assertEquals(MAPPER.readTree(text), JsonText.read(text));
        assertEquals(MAPPER.readTree(text), JsonText.read(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void writesAsAMapperDoes(String text) throws Exception {
        JsonNode tree = MAPPER.readTree(text);
        assertEquals(MAPPER.writeValueAsString(tree), JsonText.compact(tree));
        assertEquals(MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree), JsonText.pretty(tree));
    }

    @Test
    void writesTheNumberKindsANodeFactoryMakes() throws Exception {
        var tree = JsonText.object().put("f", 1.25f).put("d", 0.1).put("l", Long.MIN_VALUE)
                .put("dec", new java.math.BigDecimal("12.340")).put("bi", new java.math.BigInteger("-99999999999999999999"));
        assertEquals(MAPPER.writeValueAsString(tree), JsonText.compact(tree));
    }

    @Test
    void refusesDuplicateKeysTrailingContentAndNothing() {
        assertThrows(JsonProcessingException.class, () -> JsonText.read("{\"a\":1,\"a\":2}"));
        assertThrows(JsonProcessingException.class, () -> JsonText.read("{} {}"));
        assertThrows(JsonProcessingException.class, () -> JsonText.read("{}x"));
        assertThrows(JsonProcessingException.class, () -> JsonText.read(""));
        assertThrows(JsonProcessingException.class, () -> JsonText.read("{\"a\":"));
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackIs() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        assertThrows(JsonProcessingException.class, () -> JsonText.read(deep));
    }
}
