package jp.mynadesk.documents;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link DocumentJson#parse}: a broken input file is explained in Japanese, where it is broken, without its values. */
class DocumentJsonParseTest {
    @Test
    void deepNestingIsExplained() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        DocumentInputException e = assertThrows(DocumentInputException.class, () -> DocumentJson.parse(deep, "input.json"));
        assertTrue(e.getMessage().startsWith("input.json: JSON の入れ子が深すぎる"), e.getMessage());
        assertTrue(!e.getMessage().contains("Constraints"), "no Java names: " + e.getMessage());
    }

    @Test
    void parseSaysWhereAndNeverEchoesTheValue() {
        DocumentInputException e = assertThrows(DocumentInputException.class,
                () -> DocumentJson.parse("{\n  \"number\": 123456789012x\n}", "doc.json"));
        assertTrue(e.getMessage().startsWith("doc.json の 2 行"), e.getMessage());
        assertTrue(!e.getMessage().contains("123456789012"), e.getMessage());
    }
}
