package jp.mynadesk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.mynadesk.desk.ConsentAnswer;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.ReasonCode;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.Visit;
import org.junit.jupiter.api.Test;

/**
 * A clerk's morning at the terminal desk, end to end (issue 19, "Done when"): a PIN check with mixed consent answers,
 * a typing slip on a 資格確認書 during an outage, keys typed ahead in the outage, 目視 after the last try, a
 * 申立書, the re-check — the real mock service, the in-JVM reader and the SQLite record, every visit read back.
 */
class ClerksMorningTest {

    @Test
    void aMorningAtTheDesk() throws Exception {
        try (TerminalFixture f = new TerminalFixture("default")) {
            f.type(
                    // 1. the first patient: PIN, then consent answered はい / (blank) / ok / いいえ / y / ｎ
                    "", "1234", "はい", "", "ok", "いいえ", "y", "ｎ",
                    // 2. the service goes down; 転職 結衣's 資格確認書 typed with 交付年月日 and 有効期限 left blank at first
                    f.outage(),
                    "d", "t", "1", "06139992", "802", "7777", "00", "転職 結衣", "1998-02-28", "女",
                    "", "2024-12-02", "", "2029-11-30", "東京都港区芝公園4-2-8", "n",
                    // 3. still down: a card check; the PIN, then the same digits typed again at the documents prompt
                    "", "1234", "1234", "", "c",
                    // 4. the service is back; a card with one try left: 目視 instead
                    f.recover(), f.card("one-try-left"),
                    "", "v", "s-1", "y", "y", "y", "y",
                    // 5. a 被保険者資格申立書, 氏名 left blank at first
                    "m", "", "申立 花子", "女", "昭和60年1月2日", "東京都千代田区1-1", "03-0000-0000", "", "",
                    // 6. the re-check, the day's list, the end
                    "r", "l", "q");
            String screen = f.screen.toString();
            List<Visit> visits = f.visits();
            assertEquals(5, visits.size(), screen);

            Visit first = visits.get(0);
            assertEquals(Outcome.CONFIRMED, first.outcome());
            var c = first.consent().categories();
            assertEquals(List.of(true, false, true, false), List.of(c.get(SharingCategory.DIAGNOSIS), c.get(SharingCategory.DRUG),
                    c.get(SharingCategory.CHECKUP), c.get(SharingCategory.SURGERY)), "はい/いいえ/y/ｎ, blank and ok asked again");
            assertEquals(2, f.count(ConsentAnswer.askAgain()));

            Visit slip = visits.get(1);
            assertEquals(Outcome.PROVISIONAL, slip.outcome(), "the slip was corrected, never refused");
            assertEquals(Route.DOCUMENT_OFFLINE, slip.route());
            assertEquals("東京都港区芝公園4-2-8", slip.patient().address());
            assertEquals(0, f.count("申立書を記入する"), "no 申立書 for a typing slip");
            assertEquals(2, f.count("この書類には必要な日付です。"));

            Visit outage = visits.get(2);
            assertEquals(Outcome.STOPPED, outage.outcome());
            assertEquals(ReasonCode.SERVICE_OFFLINE, outage.reason().code());
            assertEquals(1, f.count(StaffText.pinNotHere()), "the digits typed ahead were refused, not used");

            Visit visual = visits.get(3);
            assertEquals(Route.CARD_VISUAL, visual.route());
            assertEquals(Outcome.CONFIRMED, visual.outcome());
            assertEquals(List.of(), visual.warnings(), "no last-try warning after 目視");

            Visit declared = visits.get(4);
            assertEquals(Outcome.DECLARED, declared.outcome());
            assertEquals("accept-with-declaration", declared.decision().path("decision").asText());
            assertFalse(declared.decision().path("message").asText().contains("10割"));
            assertEquals(1, f.count(StaffText.required("氏名")));

            // the re-check: 転職 結衣 has moved; named with the numbers the service returned
            assertEquals(RecheckState.DISCREPANCY, visits.get(1).recheckState());
            assertTrue(screen.contains(visits.get(1).visitId() + "  転職 結衣: " + StaffText.finding(
                    jp.mynadesk.desk.RecheckFinding.Kind.QUALIFICATION_LOST_HAS_OTHER)), screen);
            assertTrue(screen.contains("喪失した資格: 保険者番号 06139992"), screen);
            assertEquals(RecheckState.PENDING, declared.recheckState(), "不詳: nothing to query by");

            // the day's list names every row it can, in words
            String list = screen.substring(screen.lastIndexOf("再照会: "));
            for (String name : List.of("協会　太郎", "転職 結衣", "申立 花子", "（氏名なし）")) {
                assertTrue(list.contains(name), name + ": " + list);
            }
            assertFalse(list.contains("service-offline"));
            assertTrue(f.desk.statusLine().endsWith("（模擬）: 接続"), f.desk.statusLine());
            assertNull(null);
        }
    }
}
