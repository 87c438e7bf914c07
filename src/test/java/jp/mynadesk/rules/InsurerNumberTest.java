package jp.mynadesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InsurerNumberTest {

    @ParameterizedTest(name = "{0} valid={1} expected={2} kind={3}")
    @CsvSource({
            // the examples of docs/RULES.md §2
            "33120015, true,  5, kyosai",
            "01320027, true,  7, kyokai",
            "01130012, true,  2, kyokai",
            "06130017, true,  7, kumiai",
            "39130018, true,  8, kouki",
            "138057,   true,  7, kokuho",
            "01130013, false, 2, kyokai",
            // 不詳請求
            "77777779, true,  9, other",
            "77777777, false, 9, other",
    })
    void checkDigitAndKind(String input, boolean valid, int expected, String kind) {
        var check = assertInstanceOf(InsurerNumberCheck.WellFormed.class, InsurerNumber.check(input));
        assertEquals(valid, check.valid());
        assertEquals(expected, check.expectedCheckDigit());
        assertEquals(kind, check.kind().code());
    }

    @ParameterizedTest(name = "法別 {0} → {1}")
    @CsvSource({"0113001, kyokai", "0613001, kumiai", "3113001, kyosai", "3213001, kyosai", "3313001, kyosai",
            "3413001, kyosai", "3513001, other", "3913001, kouki", "0213001, other", "6713001, other", "13805, kokuho"})
    void kindByHoubetsu(String body, String kind) {
        String number = body + CheckDigit.of(body);
        assertTrue(InsurerNumber.isValid(number));
        assertEquals(kind, new InsurerNumber(number).kind().code());
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(value = {
            "0113001, bad-length",
            "011300123, bad-length",
            "12345, bad-length",
            "0113001a, not-digits",
            "０１１３００１２, not-digits",
            "'', not-digits",
            "0113-0012, not-digits",
    })
    void malformed(String input, String reason) {
        var check = assertInstanceOf(InsurerNumberCheck.Malformed.class, InsurerNumber.check(input));
        assertFalse(check.valid());
        assertEquals(reason, check.reason());
    }

    @Test
    void luhnCountsTwoDigitProductsAsDigitSum() {
        // 0113001: from the right 1×2, 0, 0×2, 3, 1×2, 1, 0×2 = 8 → 2
        assertEquals(2, CheckDigit.of("0113001"));
        // 9 doubled is 18 → 9
        assertEquals(1, CheckDigit.of("9"));
    }

    @Test
    void prefectureIsReportedButDoesNotDecideValidity() {
        var w = (InsurerNumberCheck.WellFormed) InsurerNumber.check("77777779");
        assertTrue(w.valid());
        assertFalse(w.prefectureInRange());
        assertEquals("13", ((InsurerNumberCheck.WellFormed) InsurerNumber.check("01130012")).prefecture());
    }

    @Test
    void theValueTypeRefusesInvalidNumbers() {
        assertEquals(InsurerKind.KOUKI, new InsurerNumber("39130018").kind());
        assertThrows(IllegalArgumentException.class, () -> new InsurerNumber("01130013"));
    }
}
