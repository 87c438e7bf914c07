package jp.mynadesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import jp.mynadesk.documents.DocumentInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckInputJsonTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong type insurer number | {\"documents\":[{\"kind\":\"hokensho\",\"insurerNumber\":1130012}]} | documents[0].insurerNumber",
            "wrong type online         | {\"onlineAvailable\":\"yes\"}                                        | onlineAvailable",
            "impossible asOf           | {\"asOf\":\"2026-02-30\"}                                            | asOf",
            "wrong type card           | {\"card\":true}                                                      | card",
            "wrong type presented      | {\"card\":{\"presented\":1}}                                         | card.presented",
            "bad certificate date      | {\"card\":{\"certificateNotAfter\":\"2029/05/10\"}}                  | card.certificateNotAfter",
            "documents not an array    | {\"documents\":{}}                                                   | documents",
            "document not an object    | {\"documents\":[\"x\"]}                                              | documents[0]",
            "unknown kind              | {\"documents\":[{\"kind\":\"passport\"}]}                            | documents[0].kind",
            "missing kind              | {\"documents\":[{}]}                                                 | documents[0].kind",
            "date as number            | {\"documents\":[{\"kind\":\"hokensho\",\"birthDate\":19890510}]}      | documents[0].birthDate",
            "top level array           | []                                                                   | 先頭",
    })
    void wrongTypesNameTheField(String name, String json, String path) {
        var e = assertThrows(DocumentInputException.class, () -> CheckInputJson.read(json, "in.json", TODAY));
        assertTrue(e.getMessage().contains(path), e.getMessage());
    }

    @Test
    void brokenJsonSaysLineAndColumn() {
        String json = "{\n  \"asOf\": \"2026-11-22\",\n  \"documents\": [\n    {\"kind\": \"hokensho\",}\n  ]\n}";
        var e = assertThrows(DocumentInputException.class, () -> CheckInputJson.read(json, "in.json", TODAY));
        assertTrue(e.getMessage().contains("in.json の 4 行"), e.getMessage());
        assertTrue(e.getMessage().contains("列"), e.getMessage());
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        assertThrows(DocumentInputException.class, () -> CheckInputJson.read("{\"asOf\":\"2026-11-22\",\"asOf\":\"2026-11-23\"}", "x", TODAY));
        assertThrows(DocumentInputException.class, () -> CheckInputJson.read("{} {}", "x", TODAY));
        assertThrows(DocumentInputException.class, () -> CheckInputJson.read("  ", "x", TODAY));
    }

    @Test
    void defaults() throws Exception {
        FallbackInput in = CheckInputJson.read("{\"card\":{}}", "x", TODAY);
        assertEquals(TODAY, in.asOf());
        assertFalse(in.onlineAvailable());
        assertTrue(in.card().presented());
        assertEquals(0, in.documents().size());
        assertFalse(CheckInputJson.read("{\"card\":{\"presented\":false}}", "x", TODAY).card().presented());
        assertFalse(CheckInputJson.read("{}", "x", TODAY).card().presented());
    }

    @Test
    void impossibleDocumentDatesAreReasonsNotErrors() throws Exception {
        FallbackInput in = CheckInputJson.read("{\"documents\":[{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"01130012\","
                + "\"number\":\"1\",\"name\":\"a\",\"birthDate\":\"1989-05-10\",\"issuedOn\":\"2024-12-02\",\"validUntil\":\"2029-02-29\"}]}", "x", TODAY);
        FallbackDecision d = FallbackRules.decide(in);
        assertEquals(java.util.List.of("bad-format"), Docs.codes(d.documents().get(0).reasons()));
    }

    @Test
    void myNumberDigitsAreDroppedAndNeverEchoed() {
        // even when the My Number field itself is the broken part, the error does not repeat it
        String json = "{\"documents\":[{\"kind\":\"shikaku-joho-oshirase\",\"myNumberLast4\":\"4821\",\"insurerNumber\":4821}]}";
        var e = assertThrows(DocumentInputException.class, () -> CheckInputJson.read(json, "x", TODAY));
        assertTrue(e.getMessage().contains("insurerNumber"));
        String broken = "{\"myNumberLast4\": 4821x}";
        var e2 = assertThrows(DocumentInputException.class, () -> CheckInputJson.read(broken, "x", TODAY));
        assertFalse(e2.getMessage().contains("4821"), e2.getMessage());
    }
}
