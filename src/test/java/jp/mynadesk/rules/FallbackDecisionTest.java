package jp.mynadesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import jp.mynadesk.documents.PresentedDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interim measure, the order of choice and the three decisions (docs/RULES.md §4). */
class FallbackDecisionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // case; asOf; online; decision; basis
            "expired old card, online, day before interim end; 2026-07-30; true;  accept; interim-online",
            "expired old card, online, last interim day;       2026-07-31; true;  accept; interim-online",
            "expired old card, online, day after interim end;  2026-08-01; true;  reject; null",
            "expired old card, online, 2026-04-01 (extended);  2026-04-01; true;  accept; interim-online",
            "expired old card, offline, within interim;        2026-07-31; false; reject; null",
    })
    void interimOldCard(String name, String asOf, boolean online, String decision, String basis) {
        PresentedDocument old = Docs.hokensho().build();
        FallbackDecision d = Docs.decide(asOf, online, PresentedCard.NONE, old);
        assertEquals(decision, d.decision().code(), name);
        assertEquals(basis, d.basis() == null ? "null" : d.basis().code(), name);
        if (d.decision() == Decision.ACCEPT) {
            assertTrue(d.onlineQuery());
            assertTrue(d.documents().get(0).usable());
            assertEquals(java.util.List.of("old-card-abolished"), Docs.codes(d.documents().get(0).reasons()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "notice alone, online, day before interim end; 2026-07-30; true;  accept; interim-online",
            "notice alone, online, last interim day;       2026-07-31; true;  accept; interim-online",
            "notice alone, online, day after interim end;  2026-08-01; true;  reject; null",
            "notice alone, offline;                        2026-07-31; false; reject; null",
    })
    void interimNoticeAlone(String name, String asOf, boolean online, String decision, String basis) {
        FallbackDecision d = Docs.decide(asOf, online, PresentedCard.NONE, Docs.oshirase().build());
        assertEquals(decision, d.decision().code(), name);
        assertEquals(basis, d.basis() == null ? "null" : d.basis().code(), name);
    }

    @Test
    void interimDoesNotCoverOtherProblems() {
        // lost (retired): not only expired/abolished → not usable even in the interim period
        FallbackDecision lost = Docs.decide("2026-02-01", true, PresentedCard.NONE, Docs.hokensho().lostOn("2026-01-15").build());
        assertEquals(Decision.REJECT, lost.decision());
        // a portal screen alone is not covered by the interim measure
        FallbackDecision portal = Docs.decide("2026-02-01", true, PresentedCard.NONE, Docs.portal().build());
        assertEquals(Decision.REJECT, portal.decision());
        // a notice with a wrong check digit is not covered either
        FallbackDecision bad = Docs.decide("2026-02-01", true, PresentedCard.NONE, Docs.oshirase().insurerNumber("01130013").build());
        assertEquals(Decision.REJECT, bad.decision());
    }

    @Test
    void orderOfChoice() {
        PresentedDocument old = Docs.hokensho().insurerNumber("06130017").build();
        PresentedDocument portal = Docs.portal().insurerNumber("39130018").build();
        PresentedDocument notice = Docs.oshirase().insurerNumber("33120015").build();
        PresentedDocument k1 = Docs.kakuninsho().insurerNumber("01320027").issuedOn("2024-12-02").build();
        PresentedDocument k2 = Docs.kakuninsho().insurerNumber("01130012").issuedOn("2025-04-01").build();
        String asOf = "2025-06-01"; // old cards still usable
        PresentedCard card = Docs.card();

        FallbackDecision all = Docs.decide(asOf, false, card, old, portal, notice, k1, k2);
        assertEquals(Basis.KAKUNINSHO, all.basis());
        assertEquals(4, all.acceptedDocument(), "newest 交付年月日 among 資格確認書 of different insurers");
        assertEquals("01130012", all.insurance().insurerNumber());

        FallbackDecision noKakuninsho = Docs.decide(asOf, false, card, old, portal, notice);
        assertEquals(Basis.NOTICE_WITH_CARD, noKakuninsho.basis());
        assertEquals(2, noKakuninsho.acceptedDocument());

        FallbackDecision portalAndOld = Docs.decide(asOf, false, card, old, portal);
        assertEquals(Basis.PORTAL_WITH_CARD, portalAndOld.basis());

        FallbackDecision oldOnly = Docs.decide(asOf, false, PresentedCard.NONE, old, portal);
        assertEquals(Basis.OLD_CARD, oldOnly.basis());
        assertEquals(0, oldOnly.acceptedDocument());
        assertEquals("06130017", oldOnly.insurance().insurerNumber());

        // an interim-online document comes last
        FallbackDecision interim = Docs.decide("2026-02-01", true, PresentedCard.NONE,
                Docs.hokensho().insurerNumber("06130017").build(), Docs.oshirase().insurerNumber("33120015").build());
        assertEquals(Basis.INTERIM_ONLINE, interim.basis());
    }

    @ParameterizedTest(name = "online={0}: recheck={2} onlineQuery={3}")
    @CsvSource({
            "false, accept, true,  false",
            "true,  accept, false, true",
    })
    void recheckAndOnlineQueryForAccept(boolean online, String decision, boolean recheck, boolean onlineQuery) {
        FallbackDecision d = Docs.decide("2026-11-22", online, Docs.card(), Docs.kakuninsho().build());
        assertEquals(decision, d.decision().code());
        assertEquals(recheck, d.recheck());
        assertEquals(onlineQuery, d.onlineQuery());
        assertEquals(Claim.NORMAL, d.claim());
    }

    @Test
    void declarationWithTheNewestCheckedNumbers() {
        // after the old-card deadline, card usable, no usable document → 被保険者資格申立書
        PresentedDocument olderOld = Docs.hokensho().insurerNumber("06130017").issuedOn("2020-04-01").build();
        PresentedDocument newerOld = Docs.hokensho().insurerNumber("01130012").issuedOn("2023-04-01").build();
        PresentedDocument misread = Docs.kakuninsho().insurerNumber("01130013").issuedOn("2025-10-01").build();
        FallbackDecision d = Docs.decide("2026-11-22", false, Docs.card(), olderOld, newerOld, misread);
        assertEquals(Decision.ACCEPT_WITH_DECLARATION, d.decision());
        assertEquals(Basis.DECLARATION, d.basis());
        assertEquals(Claim.DECLARED, d.claim());
        assertNull(d.acceptedDocument());
        assertEquals("01130012", d.insurance().insurerNumber(), "the misread one fails its check digit; the newest passing one wins");
        assertEquals(1, d.insuranceFromDocument());
        assertTrue(d.recheck());
        assertTrue(jp.mynadesk.desk.StaffText.decision(d).contains("被保険者資格申立書"));
        assertTrue(jp.mynadesk.desk.StaffText.decision(d).contains("読み取"), "a misread document: suggest re-scanning");
    }

    @Test
    void declarationWithoutNumbersIsAnUnknownInsurerClaim() {
        FallbackDecision d = Docs.decide("2026-11-22", true, Docs.card());
        assertEquals(Decision.ACCEPT_WITH_DECLARATION, d.decision());
        assertEquals(Claim.UNKNOWN_INSURER, d.claim());
        assertNull(d.insurance());
        assertEquals(false, d.recheck());
        assertEquals(true, d.onlineQuery());
        assertTrue(jp.mynadesk.desk.StaffText.decision(d).contains("不詳請求"));
    }

    @ParameterizedTest(name = "online={0}")
    @CsvSource({"false", "true"})
    void rejectMeansFullPaymentAndRyouyouhi(boolean online) {
        FallbackDecision d = Docs.decide("2026-11-22", online, PresentedCard.NONE, Docs.oshirase().build());
        assertEquals(Decision.REJECT, d.decision());
        assertNull(d.basis());
        assertNull(d.claim());
        assertNull(d.insurance());
        assertEquals(false, d.recheck());
        assertEquals(false, d.onlineQuery());
        String m = jp.mynadesk.desk.StaffText.decision(d);
        assertTrue(m.contains("10割") && m.contains("療養費"), m);
        assertTrue(m.contains("マイナ保険証（マイナンバーカード）をお持ちか確認"), "ask for the card: " + m);
    }

    @Test
    void expiredCardIsRejectWithExplanation() {
        FallbackDecision d = Docs.decide("2026-06-01", false, PresentedCard.withCertificateUntil(LocalDate.of(2026, 2, 10)));
        assertEquals(Decision.REJECT, d.decision());
        assertTrue(jp.mynadesk.desk.StaffText.decision(d).contains("資格確認書の申請"), jp.mynadesk.desk.StaffText.decision(d));
    }

    @Test
    void messageOfTheContractExample() {
        FallbackDecision d = Docs.decide("2026-11-22", false, Docs.card(), Docs.kakuninsho().build());
        assertEquals("資格確認書（有効期限 2029-11-30）で受付できます。オンライン復旧後に再照会します。", jp.mynadesk.desk.StaffText.decision(d));
    }

    @Test
    void cardInGraceIsUsableWithAWarning() {
        FallbackDecision d = Docs.decide("2026-04-01", false, PresentedCard.withCertificateUntil(LocalDate.of(2026, 2, 10)),
                Docs.oshirase().build());
        assertEquals(Basis.NOTICE_WITH_CARD, d.basis());
        assertTrue(d.card().inGrace());
        assertTrue(jp.mynadesk.desk.StaffText.decision(d).contains("猶予期間中"));
    }
}
