package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.rules.FormatProblems;
import org.junit.jupiter.api.Test;

class DocumentFormTest {

    static Map<String, String> kakuninsho() {
        Map<String, String> m = new HashMap<>();
        m.put("insurerNumber", "01130012");
        m.put("symbol", "12345678");
        m.put("number", "1");
        m.put("branch", "01");
        m.put("name", "協会　さくら");
        m.put("birthDate", "平成28年4月2日");
        m.put("sex", "女");
        m.put("issuedOn", "2024-12-02");
        m.put("validUntil", "令和11年11月30日");
        return m;
    }

    static List<String> fields(DocumentForm.Result r) {
        return r.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aWholeKakuninshoBecomesTheDocumentNormalised() {
        DocumentForm.Result r = DocumentForm.check(DocumentKind.SHIKAKU_KAKUNINSHO, kakuninsho());
        assertTrue(r.ok(), r.problems().toString());
        PresentedDocument d = r.document();
        assertEquals("01130012", d.insurerNumber());
        assertEquals("協会 さくら", d.name());
        assertEquals("2016-04-02", d.birthDate().date().orElseThrow().toString());
        assertEquals("2029-11-30", d.validUntil().date().orElseThrow().toString());
        assertEquals(Sex.FEMALE, d.sex());
    }

    @Test
    void theDatesLeftBlankOnAKakuninshoAreProblemsNamedByField() {
        Map<String, String> m = kakuninsho();
        m.put("issuedOn", "");
        m.remove("validUntil");
        DocumentForm.Result r = DocumentForm.check(DocumentKind.SHIKAKU_KAKUNINSHO, m);
        assertFalse(r.ok());
        assertNull(r.document(), "no document to decide on");
        assertEquals(List.of("issuedOn", "validUntil"), fields(r));
        assertTrue(r.problem("issuedOn").orElseThrow().message().contains("交付年月日"), r.problems().toString());
        assertTrue(r.problem("validUntil").orElseThrow().message().startsWith("この書類には必要な日付です。"),
                "docs check's own sentence: " + r.problems());
    }

    @Test
    void theOshiraseHasNoDatesToRequire() {
        Map<String, String> m = kakuninsho();
        m.remove("issuedOn");
        m.remove("validUntil");
        assertTrue(DocumentForm.check(DocumentKind.SHIKAKU_JOHO_OSHIRASE, m).ok());
        assertFalse(DocumentForm.required(DocumentKind.SHIKAKU_JOHO_OSHIRASE, "issuedOn"));
        assertTrue(DocumentForm.required(DocumentKind.SHIKAKU_KAKUNINSHO, "issuedOn"));
    }

    @Test
    void everyProblemIsListedInTheFormsOrderWithTheTypingChecksSentence() {
        Map<String, String> m = kakuninsho();
        m.put("insurerNumber", "01130013"); // check digit
        m.put("number", "12a");
        m.put("branch", "1");
        m.put("sex", "female?");
        m.put("birthDate", "2025-02-29");
        m.put("name", " ");
        DocumentForm.Result r = DocumentForm.check(DocumentKind.SHIKAKU_KAKUNINSHO, m);
        assertEquals(List.of("insurerNumber", "number", "branch", "name", "birthDate", "sex"), fields(r));
        assertTrue(r.problem("insurerNumber").orElseThrow().message().contains("検証番号"));
        assertEquals("氏名がありません。", r.problem("name").orElseThrow().message());
        assertTrue(r.problem("birthDate").orElseThrow().message().contains("2025-02-29"));
    }

    @Test
    void fullWidthDigitsAreTakenAsTyped() {
        Map<String, String> m = kakuninsho();
        m.put("insurerNumber", "０１１３００１２");
        m.put("branch", "０１");
        DocumentForm.Result r = DocumentForm.check(DocumentKind.SHIKAKU_KAKUNINSHO, m);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals("01130012", r.document().insurerNumber());
        assertEquals("01", r.document().branch());
    }

    @Test
    void oneFieldAsTyped() {
        assertTrue(DocumentForm.field(DocumentKind.SHIKAKU_KAKUNINSHO, "issuedOn", "").isPresent(), "required on a 資格確認書");
        assertTrue(DocumentForm.field(DocumentKind.SHIKAKU_JOHO_OSHIRASE, "issuedOn", "").isEmpty());
        assertTrue(DocumentForm.field(DocumentKind.SHIKAKU_KAKUNINSHO, "symbol", "").isEmpty());
        assertTrue(DocumentForm.field(DocumentKind.SHIKAKU_KAKUNINSHO, "insurerNumber", "01130012").isEmpty());
        assertEquals("insurerNumber", DocumentForm.field(DocumentKind.SHIKAKU_KAKUNINSHO, "insurerNumber", "0113001").orElseThrow().field());
        assertThrows(IllegalArgumentException.class, () -> DocumentForm.field(DocumentKind.SHIKAKU_KAKUNINSHO, "nope", "x"));
    }

    /** A scanned document: what docs check calls bad-format / bad-check-digit, field by field, never a decision. */
    @Test
    void aScannedDocumentIsCheckedWithDocsChecksSentences() {
        PresentedDocument ok = DocumentForm.check(DocumentKind.SHIKAKU_KAKUNINSHO, kakuninsho()).document();
        assertTrue(DocumentForm.check(ok).ok());
        PresentedDocument bad = ok.toBuilder().insurerNumber("01130013").number("x1").validUntil((String) null).build();
        DocumentForm.Result r = DocumentForm.check(bad);
        assertEquals(List.of("insurerNumber", "number", "validUntil"), fields(r));
        FormatProblems.Problem number = FormatProblems.of(bad).stream().filter(p -> p.field().equals("number")).findFirst().orElseThrow();
        assertEquals(StaffText.entry(number.note()), r.problem("number").orElseThrow().message(), "docs check's sentence");
    }

    @Test
    void thePresentedEventCarriesThePatientAndTheAddress() {
        PresentedDocument d = DocumentForm.check(DocumentKind.SHIKAKU_KAKUNINSHO, kakuninsho()).document();
        DeskEvent.DocumentsPresented e = DocumentForm.presented(d, " 東京都千代田区1-1 ", true);
        assertNotNull(e.patient());
        assertEquals("female", e.patient().sex());
        assertEquals("東京都千代田区1-1", e.patient().address());
        assertTrue(e.limitConsent());
        assertNull(DocumentForm.presented(d, "  ", false).patient().address());
    }
}
