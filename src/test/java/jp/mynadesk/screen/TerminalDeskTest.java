package jp.mynadesk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import jp.mynadesk.desk.ConsentAnswer;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.ReasonCode;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.QrPayload;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.reader.ReaderEvent;
import org.junit.jupiter.api.Test;

/**
 * The terminal desk through its own input seam (issue 19): every prompt strict, every slip asked again, the record
 * read back from the SQLite file after each.
 */
class TerminalDeskTest {

    static final PresentedDocument SAKURA = PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO).insurerNumber("01130012")
            .insurerName("全国健康保険協会東京支部").symbol("12345678").number("1").branch("01").name("協会 さくら")
            .birthDate("2016-04-02").sex(Sex.FEMALE).issuedOn("2024-12-02").validUntil("2029-11-30").build();

    @Test
    void consentIsAskedUntilAnsweredYesOrNo() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            f.type("", "1234", "はい", "", "ok", "1234", "いいえ", "ｙｅｓ", "N", "q");
            Visit v = f.last();
            assertEquals(1, f.visits().size());
            assertEquals(Outcome.CONFIRMED, v.outcome());
            var c = v.consent().categories();
            assertEquals(List.of(true, false, true, false), List.of(c.get(SharingCategory.DIAGNOSIS), c.get(SharingCategory.DRUG),
                    c.get(SharingCategory.CHECKUP), c.get(SharingCategory.SURGERY)));
            assertEquals(2, f.count(ConsentAnswer.askAgain()), "blank and ok asked again: " + f.screen);
            assertEquals(1, f.count(StaffText.pinNotHere()), "four digits at a consent question are refused");
            assertTrue(f.screen.toString().contains("当院に提供することに同意しますか"), "the clinic's own word");
            assertFalse(f.screen.toString().contains("当院・当薬局"));
        }
    }

    @Test
    void aKakuninshoWithItsDatesLeftBlankIsAskedAgainNeverRefused() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            f.type(f.outage(), "d", "t", "1", "0113001", "01130012", "12345678", "1", "01", "協会 さくら", "2016-04-02", "女",
                    "", "令和6年12月2日", "", "2029-11-30", "東京都千代田区1-1", "ok", "n", "q");
            assertEquals(1, f.visits().size(), f.screen.toString());
            Visit v = f.last();
            assertEquals(Outcome.PROVISIONAL, v.outcome(), "accepted on the document, not refused");
            assertEquals(Route.DOCUMENT_OFFLINE, v.route());
            assertEquals("2029-11-30", v.decision().at("/documents/0/usable").asBoolean() ? "2029-11-30" : "");
            assertEquals("東京都千代田区1-1", v.patient().address());
            assertEquals(2, f.count("この書類には必要な日付です。"), "each blank date named");
            assertEquals(1, f.count("あと1桁です。"));
            assertEquals(0, f.count("申立書を記入する"), "no 申立書 for a slip");
            assertTrue(f.screen.toString().contains("目安 3割"), "the 負担割合 guidance for a 10-year-old: " + f.screen);
        }
    }

    @Test
    void keysTypedAheadDuringAnOutageAreRefusedAndNothingEndsTheCheckButC() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            // the outage no longer stops the card (docs/DESK.md "The card's proof"): the patient's PIN is asked and
            // used, and the same digits typed again at the documents menu are refused there
            f.type(f.outage(), "", "1234", "1234", "", "x", "ｃ", "q");
            assertEquals(1, f.visits().size());
            Visit v = f.last();
            assertEquals(Outcome.STOPPED, v.outcome());
            assertEquals(ReasonCode.SERVICE_OFFLINE, v.reason().code());
            assertEquals(1, f.count(StaffText.pinNotHere()), f.screen.toString());
            assertEquals(2, f.count(StaffText.unknownKey()));
            String url = f.station.client().base().toString();
            assertTrue(f.screen.toString().contains("メンテナンス中か混み合っています（" + url + "）"), f.screen.toString());
            assertTrue(f.desk.statusLine().contains("（模擬）"), f.desk.statusLine());
            assertFalse(f.desk.statusLine().endsWith(": 接続"), "the status follows the 503: " + f.desk.statusLine());
        }
    }

    @Test
    void visualAfterTheLastTryDropsTheLastTryWarningAndRefusesAPinAsStaffId() throws Exception {
        try (TerminalFixture f = new TerminalFixture("one-try-left")) {
            f.type("", "v", "1234", "s-1", "y", "y", "y", "y", "q");
            Visit v = f.last();
            assertEquals(Route.CARD_VISUAL, v.route());
            assertEquals("s-1", v.confirmedBy());
            assertEquals(List.of(), v.warnings());
            String result = f.screen.toString().substring(f.screen.toString().indexOf("結果:"));
            assertFalse(result.contains(StaffText.message(ReasonCode.PIN_LAST_TRY)), result);
            assertTrue(f.screen.toString().contains(StaffText.message(ReasonCode.PIN_LAST_TRY)), "warned at the PIN prompt");
            assertEquals(1, f.count(StaffText.pinNotHere()));
        }
    }

    @Test
    void aDeclarationNeedsNameAddressAndContact() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            f.type("m", "", "申立 花子", "女", "昭和60年1月2日", "", "東京都千代田区1-1", "", "03-0000-0000", "", "", "q");
            Visit v = f.last();
            assertEquals(Outcome.DECLARED, v.outcome());
            assertEquals("東京都千代田区1-1", v.patient().address());
            assertEquals("03-0000-0000", v.patient().contact());
            assertEquals("female", v.patient().sex());
            assertEquals("accept-with-declaration", v.decision().path("decision").asText());
            for (String label : List.of("氏名", "住所", "連絡先")) {
                assertEquals(1, f.count(StaffText.required(label)), label + ": " + f.screen);
            }
        }
    }

    @Test
    void fullWidthPinDigitsAreThePin() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            f.type("", "１２３４", "y", "n", "y", "n", "q");
            assertEquals(Outcome.CONFIRMED, f.last().outcome());
            assertFalse(f.screen.toString().contains("限度額適用区分: A03"), "no codes for staff");
            assertTrue(f.screen.toString().contains("限度額適用区分: 区分ウ"));
        }
    }

    @Test
    void aQrCodeTypedByAWedgeReaderIsShownThenUsed() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            String payload = QrPayload.encode(SAKURA);
            f.type(payload, "y", "東京都", "n",            // at the menu
                    "d", payload, "n", "c",                 // at the documents prompt, not used
                    "d", QrPayload.encode(SAKURA.toBuilder().validUntil((String) null).build()), "c", "q");
            assertEquals(1, f.visits().size(), f.screen.toString());
            Visit v = f.last();
            assertEquals(Route.NUMBERS_ONLINE, v.route());
            assertEquals(Outcome.CONFIRMED, v.outcome());
            assertEquals(3, f.count("読み取った内容:"));
            assertTrue(f.screen.toString().contains("氏名 協会 さくら　生年月日 2016-04-02　性別 女"), f.screen.toString());
            assertEquals(1, f.count(StaffText.scannedNotUsable()), "the payload without 有効期限 is not used");
        }
    }

    @Test
    void readerNoticesRepeatThePromptAndOfferEnterOnlyAtTheMenu() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            Runnable inserted = () -> f.desk.readerEvent(new ReaderEvent.CardInserted("R"));
            f.type(inserted, "", inserted, "c", "q");
            assertTrue(f.screen.toString().contains("〔お知らせ〕カードが置かれました（R）。Enter で受付を始めます。\n> "), f.screen.toString());
            assertTrue(f.screen.toString().contains("〔お知らせ〕カードが置かれました（R）。\n暗証番号: "), f.screen.toString());
            assertEquals(Outcome.STOPPED, f.last().outcome());
        }
    }

    @Test
    void aServiceThatIsNotThereIsNamed() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default", URI.create("http://127.0.0.1:1/"))) {
            f.type("q");
            String status = f.desk.statusLine();
            assertTrue(status.contains("接続先 http://127.0.0.1:1/ につながりません"), status);
            assertFalse(status.contains("模擬"), "a URL is not the in-process mock");
        }
    }

    @Test
    void menuLinesFitEightyColumns() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            f.type("q");
            for (String line : TerminalDesk.MENU) {
                assertTrue(columns(line) <= 80, columns(line) + ": " + line);
            }
            assertTrue(columns(f.desk.statusLine()) <= 100, f.desk.statusLine());
        }
    }

    @Test
    void lettersAndDigitsTypedFullWidthAreKeys() {
        assertEquals("v", TerminalDesk.key("ｖ"));
        assertEquals("d", TerminalDesk.key(" Ｄ "));
        assertEquals("1", TerminalDesk.key("１"));
        assertNull(null);
    }

    /** Display columns: wide (CJK, full-width) characters take two. */
    static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean halfKana = cp >= 0xFF61 && cp <= 0xFF9F;
            n += cp >= 0x1100 && !halfKana ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }
}
