package jp.mynadesk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String ACTUAL = """
            {"outcome": "stopped", "reason": {"code": "wrong-pin", "triesLeft": 2, "message": "m"},
             "warnings": [{"code": "certificate-expiring", "message": "a"}, {"code": "pin-last-try", "message": "b"}],
             "qualification": {"ratio": 30, "branch": "00"}, "consent": null,
             "asOf": "2026-12-01T09:30+09:00", "list": [1, 2]}""";

    private static List<String> m(String expected) throws Exception {
        JsonNode actual = M.readTree(ACTUAL);
        return Expectation.mismatches(M.readTree(expected), actual);
    }

    @Test
    void partialObjectsMatchRecursively() throws Exception {
        assertEquals(List.of(), m("{\"outcome\": \"stopped\", \"reason\": {\"code\": \"wrong-pin\", \"triesLeft\": 2.0}}"));
        assertEquals(List.of(), m("{\"consent\": null, \"qualification\": {\"ratio\": 30}}"));
        assertEquals(List.of(), m("{\"asOf\": \"2026-12-01T09:30:00+09:00\"}"), "the same instant written either way");
    }

    @Test
    void everyDifferenceIsNamedByPath() throws Exception {
        List<String> out = m("{\"outcome\": \"confirmed\", \"reason\": {\"triesLeft\": 1}, \"nope\": 1, \"consent\": {}}");
        assertEquals(4, out.size(), out.toString());
        assertTrue(out.get(0).startsWith("outcome:"), out.toString());
        assertTrue(out.get(1).startsWith("reason.triesLeft:"), out.toString());
        assertTrue(out.get(2).startsWith("nope:"), out.toString());
        assertTrue(out.get(3).startsWith("consent:"), out.toString());
    }

    @Test
    void typesAreNotCoerced() throws Exception {
        assertEquals(1, m("{\"qualification\": {\"branch\": 0}}").size(), "00 written unquoted is the number 0");
        assertEquals(1, m("{\"qualification\": {\"ratio\": \"30\"}}").size());
    }

    @Test
    void warningsAreContainedByCode() throws Exception {
        assertEquals(List.of(), m("{\"warnings\": [{\"code\": \"pin-last-try\"}]}"));
        assertEquals(List.of(), m("{\"warnings\": [{\"code\": \"pin-last-try\", \"message\": \"b\"}, {\"code\": \"certificate-expiring\"}]}"));
        assertEquals(1, m("{\"warnings\": [{\"code\": \"certificate-in-grace\"}]}").size());
        assertEquals(1, m("{\"warnings\": [{\"code\": \"pin-last-try\", \"message\": \"x\"}]}").size());
    }

    @Test
    void otherListsMatchElementByElement() throws Exception {
        assertEquals(List.of(), m("{\"list\": [1, 2]}"));
        assertEquals(1, m("{\"list\": [1]}").size());
        assertEquals(2, m("{\"list\": [2, 1]}").size());
    }
}
