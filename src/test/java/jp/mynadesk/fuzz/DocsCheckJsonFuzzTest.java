package jp.mynadesk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.rules.CheckInputJson;
import jp.mynadesk.rules.FallbackInput;
import jp.mynadesk.rules.FallbackRules;

/** {@code docs check} input: any text is a decision or a DocumentInputException, never another exception. */
class DocsCheckJsonFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyTextIsADecisionOrAnInputError(byte[] bytes) {
        // raw bytes, so the seed files next to this class are plain text files
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        FallbackInput in;
        try {
            in = CheckInputJson.read(text, "fuzz.json", LocalDate.of(2026, 11, 22));
        } catch (DocumentInputException e) {
            return;
        }
        FallbackRules.decide(in);
    }
}
