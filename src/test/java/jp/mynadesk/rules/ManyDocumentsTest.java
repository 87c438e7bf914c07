package jp.mynadesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.PresentedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many documents at once. Judging used to compare every 資格確認書 with every other (20,000 took 23 s); the bound
 * below is far above linear time and far below quadratic time for 30,000 documents.
 */
class ManyDocumentsTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void judgingIsLinearAndStillFindsTheNewest() {
        List<PresentedDocument> docs = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            // 15,000 people with two 資格確認書 each: the older one is superseded
            String number = Integer.toString(i / 2 + 1);
            docs.add(Docs.kakuninsho().number(number).issuedOn(i % 2 == 0 ? "2024-12-02" : "2025-08-01").build());
        }
        FallbackDecision d = Docs.decide("2026-11-22", false, PresentedCard.NONE, docs.toArray(PresentedDocument[]::new));
        long superseded = d.documents().stream().filter(j -> j.reasons().contains(Reason.SUPERSEDED)).count();
        assertEquals(15_000, superseded);
        assertTrue(d.documents().get(0).reasons().contains(Reason.SUPERSEDED));
        assertTrue(!d.documents().get(1).reasons().contains(Reason.SUPERSEDED));
    }

    @Test
    void moreDocumentsThanTheCapAreRefusedWithTheLimit() {
        StringBuilder json = new StringBuilder("{\"asOf\":\"2026-11-22\",\"documents\":[");
        for (int i = 0; i <= CheckInputJson.MAX_DOCUMENTS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"kind\":\"hokensho\"}");
        }
        json.append("]}");
        DocumentInputException e = org.junit.jupiter.api.Assertions.assertThrows(DocumentInputException.class,
                () -> CheckInputJson.read(json.toString(), "t.json", java.time.LocalDate.of(2026, 11, 22)));
        assertTrue(e.getMessage().startsWith("documents:"), e.getMessage());
        assertTrue(e.getMessage().contains(Integer.toString(CheckInputJson.MAX_DOCUMENTS)), e.getMessage());
    }
}
