package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.DocumentRenderer;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.QrPayload;
import jp.mynadesk.documents.Sex;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The staff page in Chromium as a clerk uses it: a typing slip on a 資格確認書 shown field by field and never recorded,
 * a keyboard-wedge QR reader typing into the focused scan field (and an image as the other way), the service badge
 * following the outage, and a result in Japanese words with the consent answers. The record is read back after each
 * check. Screenshots: target/screenshots/.
 */
@Tag("slow") // Chromium
class StaffDeskBrowserTest extends BrowserTest {
    static final PresentedDocument YUI = PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO).insurerNumber("06139992")
            .symbol("802").number("7777").branch("00").name("転職 結衣").birthDate("1998-02-28").sex(Sex.FEMALE)
            .issuedOn("2024-12-02").validUntil("2029-11-30").build();


    @Test
    void aKakuninshoWithoutItsDatesIsShownFieldByFieldAndNotRecordedThenAccepted() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            f.outage();
            // the card proves itself without the service: the PIN first, then the documents decide
            pages.startPinCheck();
            pages.pin("1234");
            pages.staff();
            pages.await(() -> "service-offline".equals(pages.attr("reason", "data-code")) && pages.visible("docs-panel"));
            pages.await(() -> "bad".equals(pages.attr("st-service", "data-state")));
            assertEquals("障害（書類で受付）", pages.text("st-service"));
            assertEquals("オンライン資格確認（模擬）", pages.text("st-service-label"));
            assertTrue(pages.visible("st-service-detail") && pages.text("st-service-detail").contains(f.station.client().base().toString()),
                    pages.text("st-service-detail"));
            pages.typeSakurasKakuninsho("平成28年4月2日");
            pages.type("d-address", "東京都千代田区霞が関1-2-3");
            pages.click("docs-form", "button[type='submit']");
            pages.await(() -> pages.visible("d-validUntil-problem") && pages.visible("d-issuedOn-problem"));
            assertTrue(pages.text("d-issuedOn-problem").contains("必要な日付"), pages.text("d-issuedOn-problem"));
            assertEquals("true", pages.attr("d-issuedOn", "aria-invalid"));
            assertEquals("d-issuedOn", pages.driver.switchTo().activeElement().getDomAttribute("id"), "the first field to fix has the focus");
            assertTrue(pages.text("docs-error").contains("2 項目") && pages.text("docs-error").contains("まだ記録していません"),
                    pages.text("docs-error"));
            pages.axe("staff page, a 資格確認書 with two fields to fix");
            pages.shots("s01-kakuninsho-dates-missing");
            assertInstanceOf(Prompt.AwaitingDocuments.class, f.web.prompt());
            assertTrue(f.station.store().visits(null).isEmpty(), "a missing field is never a refusal on record");
            assertFalse(pages.visible("result"));

            pages.type("d-issuedOn", "令和6年12月2日");
            pages.type("d-validUntil", "2029-11-30");
            pages.click("docs-form", "button[type='submit']");
            pages.await(() -> "provisional".equals(pages.attr("result", "data-outcome")));
            assertTrue(pages.driver.findElements(By.cssSelector(".field-problem")).isEmpty());
            assertTrue(pages.text("q-ratio").contains("目安 3割"), pages.text("q-ratio"));
            assertTrue(pages.text("decision").contains("再照会"), pages.text("decision"));
            assertEquals("書類（オンライン資格確認の障害中）", pages.text("route"));
            pages.shots("s02-kakuninsho-provisional");
            Visit v = f.station.store().visits(null).get(0);
            assertEquals("provisional", v.outcome().code());
            assertEquals("accept", v.decision().path("decision").asText());
            assertEquals(1, f.station.store().visits(null).size(), "one visit, after the fix");
        }
    }

    @Test
    void aKeyboardWedgeReaderTypesIntoTheFocusedScanFieldAndWhatWasReadIsShownBeforeUse() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            f.outage();
            pages.staff();
            pages.click("btn-docs-start");
            pages.await(() -> "scan-text".equals(pages.driver.switchTo().activeElement().getDomAttribute("id")));
            // the reader types the code's text and Enter, like a keyboard
            pages.keys(QrPayload.encode(YUI), Keys.ENTER);
            pages.await(() -> pages.visible("scan-read"));
            String read = pages.text("scan-read");
            assertTrue(read.contains("QRコードリーダーで読み取った内容") && read.contains("転職 結衣") && read.contains("女")
                    && read.contains("令和11年11月30日"), read);
            assertFalse(read.contains("female"), read);
            assertEquals("女", pages.driver.findElement(By.id("d-sex")).getDomProperty("value"), "性別 in the form as staff type it");
            assertEquals("06139992", pages.driver.findElement(By.id("d-insurerNumber")).getDomProperty("value"));
            pages.shots("s03-wedge-read");
            assertTrue(f.station.store().visits(null).isEmpty() && f.web.prompt() instanceof Prompt.AwaitingStart,
                    "nothing is used before staff send the form");

            // a foreign code: said, nothing filled in
            pages.click("scan-text");
            pages.keys("https://example.jp/", Keys.ENTER);
            pages.await(() -> pages.visible("docs-error") && pages.text("docs-error").contains("QR"));

            // the image is still one way in
            Path png = Files.createTempFile("kakuninsho", ".png");
            DocumentRenderer.writePng(YUI.toBuilder().name("転職 結衣").build(), png);
            pages.driver.findElement(By.id("scan-file")).sendKeys(png.toString());
            pages.click("scan-form", "button[type='submit']");
            pages.await(() -> pages.visible("scan-read") && pages.text("scan-read-title").contains("画像"));
            assertEquals("女", pages.driver.findElement(By.id("d-sex")).getDomProperty("value"));
            Files.delete(png);

            pages.type("d-address", "東京都新宿区西新宿2-8-1");
            pages.click("docs-form", "button[type='submit']");
            pages.await(() -> "provisional".equals(pages.attr("result", "data-outcome")));
            Visit v = f.station.store().visits(null).get(0);
            assertEquals("provisional", v.outcome().code());
            assertEquals("転職 結衣", v.patient().name());
            assertEquals("06139992", v.qualification().insurerNumber());
        }
    }

    @Test
    void theResultIsInJapaneseWordsWithTheConsentAnswersAndNoCodes() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            pages.pinCheckToConsent();
            pages.staff();
            pages.await(() -> "pending".equals(pages.attr("consent-result", "data-state")));
            assertEquals("区分ウ", pages.text("q-limit"));
            assertEquals("同意を聞かずに終える", pages.text("btn-cancel"));
            pages.type("ceiling-total", "1000000");
            pages.click("ceiling-form", "button");
            pages.await(() -> !pages.text("ceiling-result").isBlank());
            assertTrue(pages.text("ceiling-result").contains("区分ウ"), pages.text("ceiling-result"));
            pages.patient();
            pages.consent(true, false, true, false);
            pages.staff();
            pages.await(() -> "answered".equals(pages.attr("consent-result", "data-state")));
            String page = pages.driver.findElement(By.tagName("body")).getText();
            for (String code : new String[] {"A03", "female", "male", "pin-", "service-offline", "confirmed", "card-pin"}) {
                assertFalse(page.contains(code), "staff see no code: " + code + "\n" + page);
            }
            assertTrue(pages.text("consent-text").contains("登録しました"), pages.text("consent-text"));
            pages.shots("s04-result-in-words");
            assertEquals(Boolean.FALSE, f.station.store().visits(null).get(0).consent().categories()
                    .get(jp.mynadesk.desk.SharingCategory.DRUG));
        }
    }

    @Test
    void cancellingAtTheConsentQuestionsKeepsTheConfirmationOnScreenAndOnRecord() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            pages.pinCheckToConsent();
            pages.staff();
            pages.click("btn-cancel");
            pages.await(() -> "confirmed".equals(pages.attr("result", "data-outcome")) && pages.visible("recorded"));
            assertEquals("資格を確認しました", pages.text("outcome"));
            assertEquals("none", pages.attr("consent-result", "data-state"));
            pages.patient();
            pages.await(() -> pages.visible("done"));
            Visit v = f.station.store().visits(null).get(0);
            assertEquals("confirmed", v.outcome().code());
            assertEquals(null, v.consent());
        }
    }
}
