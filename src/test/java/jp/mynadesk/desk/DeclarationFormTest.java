package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclarationFormTest {

    static Map<String, String> filled() {
        Map<String, String> m = new HashMap<>();
        m.put("name", "申立 花子");
        m.put("sex", "女");
        m.put("birthDate", "昭和60年1月2日");
        m.put("address", "東京都千代田区1-1");
        m.put("contact", "03-0000-0000");
        m.put("statedInsurance", "協会けんぽ");
        return m;
    }

    @Test
    void aFilledDeclarationWithoutNumbersIsUnknownInsurer() {
        DeclarationForm.Result r = DeclarationForm.check(filled());
        assertTrue(r.ok(), r.problems().toString());
        DeskEvent.DeclarationGiven d = r.declaration();
        assertEquals("申立 花子", d.patient().name());
        assertEquals("female", d.patient().sex());
        assertEquals(LocalDate.of(1985, 1, 2), d.patient().birthDate());
        assertEquals("東京都千代田区1-1", d.patient().address());
        assertEquals("03-0000-0000", d.patient().contact());
        assertEquals("協会けんぽ", d.statedInsurance());
        assertNull(d.numbers());
    }

    @Test
    void nameAddressAndContactAreRequired() {
        Map<String, String> m = filled();
        m.put("name", "");
        m.put("address", "　");
        m.remove("contact");
        DeclarationForm.Result r = DeclarationForm.check(m);
        assertFalse(r.ok());
        assertNull(r.declaration(), "nothing to record");
        assertEquals(List.of("name", "address", "contact"), r.problems().stream().map(FieldProblem::field).toList());
        assertEquals(StaffText.required("住所"), r.problem("address").orElseThrow().message());
    }

    @Test
    void numbersAreCheckedAndNeedTheirNumber() {
        Map<String, String> m = filled();
        m.put("insurerNumber", "０１１３００１２");
        DeclarationForm.Result r = DeclarationForm.check(m);
        assertEquals(List.of("number"), r.problems().stream().map(FieldProblem::field).toList());
        m.put("number", "7");
        m.put("branch", "00");
        SearchNumbers n = DeclarationForm.check(m).declaration().numbers();
        assertEquals(new SearchNumbers("01130012", null, "7", "00", LocalDate.of(1985, 1, 2)), n);
        m.put("insurerNumber", "");
        assertEquals(List.of("insurerNumber"), DeclarationForm.check(m).problems().stream().map(FieldProblem::field).toList(),
                "a 番号 without its 保険者番号 cannot be queried");
        m.put("insurerNumber", "01130013");
        assertTrue(DeclarationForm.check(m).problem("insurerNumber").orElseThrow().message().contains("検証番号"));
    }

    @Test
    void oneFieldAsTyped() {
        assertTrue(DeclarationForm.field("contact", "").isPresent());
        assertTrue(DeclarationForm.field("statedInsurance", "").isEmpty());
        assertTrue(DeclarationForm.field("birthDate", "2025-02-29").isPresent());
        assertTrue(DeclarationForm.field("sex", "x").isPresent());
        assertTrue(DeclarationForm.field("sex", "").isEmpty());
    }
}
