package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsurerNumberCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "01130013, false, 2, kyokai",
            "33120015, true,  5, kyosai",
            "01320027, true,  7, kyokai",
            "01130012, true,  2, kyokai",
            "06130017, true,  7, kumiai",
            "39130018, true,  8, kouki",
            "138057,   true,  7, kokuho",
            "77777779, true,  9, other",
    })
    void contract(String number, boolean valid, int expected, String kind) throws Exception {
        CliRun run = CliRun.of("insurer-number", "check", number, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode n = JSON.readTree(run.out());
        assertEquals(number, n.get("input").asText());
        assertEquals(valid, n.get("valid").asBoolean());
        assertEquals(expected, n.get("expectedCheckDigit").asInt());
        assertEquals(kind, n.get("kind").asText());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0113001a, not-digits", "0113001, bad-length", "123456789, bad-length"})
    void malformedIsAResult(String number, String reason) throws Exception {
        CliRun run = CliRun.of("insurer-number", "check", number, "--json");
        assertEquals(0, run.exitCode());
        JsonNode n = JSON.readTree(run.out());
        assertEquals(false, n.get("valid").asBoolean());
        assertEquals(reason, n.get("reason").asText());
    }

    @Test
    void noArgumentIsExit2() {
        assertEquals(2, CliRun.of("insurer-number", "check").exitCode());
        assertEquals(2, CliRun.of("insurer-number", "check", "--json").exitCode());
    }

    @Test
    void prefectureZeroIsReportedAsUnusualAndFullWidthDigitsAreNormalised() throws Exception {
        var zero = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.of("insurer-number", "check", "00000000", "--json").out());
        assertEquals("00", zero.get("prefecture").asText());
        assertEquals(false, zero.get("prefectureInRange").asBoolean());
        assertEquals(true, new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(CliRun.of("insurer-number", "check", "01130012", "--json").out()).get("prefectureInRange").asBoolean());
        var fullWidth = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.of("insurer-number", "check", "０１１３００１２", "--json").out());
        assertEquals("01130012", fullWidth.get("input").asText());
        assertEquals(true, fullWidth.get("valid").asBoolean());
    }

    @Test
    void humanOutputSaysWhatToDo() {
        CliRun run = CliRun.of("insurer-number", "check", "01130013");
        assertTrue(run.out().contains("最後の桁は 2 のはず") && run.out().contains("読み取り直す"), run.out());
    }
}
