package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.Visit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * The patient page in Chromium as a patient uses it on a reception tablet: consent asked and never defaulted, the PIN
 * pad whole and big enough on a 1024×768 screen with an explicit 確定, one patient screen per desk, and an ending
 * that makes way for the next patient. The record is read back after each check. Screenshots: target/screenshots/.
 */
@Tag("slow") // Chromium
class PatientScreenBrowserTest extends BrowserTest {

    @Test
    void consentIsAskedNeverDefaultedAndTheAnswersAreRecordedAsGiven() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            pages.pinCheckToConsent();
            assertEquals(0L, pages.js("return document.querySelectorAll('#questions input:checked').length"),
                    "no answer is chosen beforehand");
            pages.axe("patient page, consent questions");

            // three answered, 手術情報 forgotten: asked again, nothing recorded
            pages.answers("diagnosis-yes", "drug-no", "checkup-yes");
            pages.await(() -> pages.visible("consent-missing"));
            assertEquals("true", pages.driver.findElement(org.openqa.selenium.By.cssSelector(
                    "fieldset[data-category='surgery']")).getDomAttribute("aria-invalid"));
            assertEquals(null, pages.driver.findElement(org.openqa.selenium.By.cssSelector(
                    "fieldset[data-category='drug']")).getDomAttribute("aria-invalid"));
            pages.shots("p01-consent-one-unanswered");
            assertInstanceOf(Prompt.AwaitingConsent.class, f.web.prompt(), "still asking");
            assertTrue(f.station.store().visits(null).isEmpty(), "nothing recorded for an unanswered question");

            pages.answers("surgery-no");
            pages.await(() -> pages.visible("done"));
            pages.staff();
            pages.await(() -> "answered".equals(pages.attr("consent-result", "data-state")));
            String shown = pages.text("consent-items");
            assertTrue(shown.contains("診療情報: 同意する") && shown.contains("薬剤情報: 同意しない")
                    && shown.contains("特定健診情報: 同意する") && shown.contains("手術情報: 同意しない"), shown);
            pages.shots("p02-consent-recorded");

            Visit v = f.station.store().visits(null).get(0);
            assertEquals("confirmed", v.outcome().code());
            assertEquals(Map.of(SharingCategory.DIAGNOSIS, true, SharingCategory.DRUG, false, SharingCategory.CHECKUP, true,
                    SharingCategory.SURGERY, false), v.consent().categories());
        }
    }

    @Test
    void thePinPadIsWholeOnA1024By768TabletWithKeysOfAtLeast44PixelsAndAnExplicitConfirm() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            pages.patient();
            pages.driver.manage().window().setSize(new Dimension(1024, 768));
            pages.startPinCheck();
            pages.shot("p03-pin-pad-1024x768");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> keys = (List<Map<String, Object>>) pages.js(
                    "return Array.from(document.querySelectorAll('.pad button')).map(b => {"
                            + " const r = b.getBoundingClientRect(); const t = document.createRange(); t.selectNodeContents(b);"
                            + " return {text: b.textContent, top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
                            + " width: r.width, height: r.height, lines: t.getClientRects().length,"
                            + " spills: b.scrollWidth > b.clientWidth, vw: innerWidth, vh: innerHeight}; })");
            assertEquals(12, keys.size(), "1-9, 訂正, 0, 確定");
            for (Map<String, Object> k : keys) {
                double bottom = ((Number) k.get("bottom")).doubleValue();
                double right = ((Number) k.get("right")).doubleValue();
                assertTrue(bottom <= ((Number) k.get("vh")).doubleValue() && ((Number) k.get("top")).doubleValue() >= 0
                        && right <= ((Number) k.get("vw")).doubleValue(), "key on screen: " + k);
                assertTrue(((Number) k.get("width")).doubleValue() >= 44 && ((Number) k.get("height")).doubleValue() >= 44,
                        "touch target of 44 px at least: " + k);
                assertEquals(1L, ((Number) k.get("lines")).longValue(), "one line, no wrap: " + k);
                assertEquals(false, k.get("spills"), "the word stays inside its key: " + k);
            }

            // 確定 waits for 4 digits; 訂正 clears; nothing goes to the card before 確定
            assertFalse(pages.driver.findElement(org.openqa.selenium.By.id("pin-ok")).isEnabled());
            for (char d : "987".toCharArray()) {
                pages.click("pin", ".pad button[data-digit='" + d + "']");
            }
            assertFalse(pages.driver.findElement(org.openqa.selenium.By.id("pin-ok")).isEnabled(), "3 digits: no 確定 yet");
            pages.click("pin", ".pad button[data-digit='6']");
            assertTrue(pages.driver.findElement(org.openqa.selenium.By.id("pin-ok")).isEnabled());
            assertInstanceOf(Prompt.AwaitingPin.class, f.web.prompt());
            assertEquals(3, ((Prompt.AwaitingPin) f.web.prompt()).triesLeft(), "the 4th digit alone sends nothing");
            pages.click("pin-clear");
            assertEquals("入力した桁数 0 / 4", pages.attr("dots", "aria-label"));

            // full-width digits (an IME left on) are the digits they are, a key the IME holds back is read by its
            // place; Enter is 確定 (chromedriver cannot type through an IME: the browser's own events are sent)
            pages.js("for (const k of [{key: '１'}, {key: '２'}, {key: 'Process', code: 'Digit3'}, {key: '４'}])"
                    + " document.dispatchEvent(new KeyboardEvent('keydown', Object.assign({bubbles: true, cancelable: true}, k)));");
            assertEquals("入力した桁数 4 / 4", pages.attr("dots", "aria-label"));
            pages.keys(Keys.ENTER);
            pages.await(() -> pages.visible("consent"));
            assertEquals(3, ((Prompt.AwaitingConsent) f.web.prompt()).qualification().ratio() / 10, "confirmed, not a wrong PIN");
            pages.shot("p04-consent-1024x768");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> targets = (List<Map<String, Object>>) pages.js(
                    "return Array.from(document.querySelectorAll('#consent label.choice, #consent button')).map(e => {"
                            + " const r = e.getBoundingClientRect(); return {text: e.textContent, width: r.width, height: r.height}; })");
            assertEquals(9, targets.size(), "two answers per question and 決定");
            for (Map<String, Object> t : targets) {
                assertTrue(((Number) t.get("width")).doubleValue() >= 44 && ((Number) t.get("height")).doubleValue() >= 44,
                        "touch target of 44 px at least: " + t);
            }
            pages.driver.manage().window().setSize(new Dimension(1280, 1400));
        }
    }

    @Test
    void aSecondPatientTabTakesTheDeskOverAndTheFirstSaysItIsNoLongerInUse() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            pages.startPinCheck();

            pages.openPatient(f, "patient-2");
            pages.await(() -> pages.visible("pin"));
            pages.patient();
            pages.await(() -> pages.visible("replaced") && !pages.visible("pin"));
            assertTrue(pages.text("replaced-text").contains("この画面は使われていません"), pages.text("replaced-text"));
            pages.shots("p05-two-patient-tabs");

            // typing on the page that lost the desk does nothing to the check
            pages.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys("1234" + Keys.ENTER);
            assertEquals(3, ((Prompt.AwaitingPin) f.web.prompt()).triesLeft());

            pages.to("patient-2");
            pages.pin("1234");
            pages.await(() -> pages.visible("consent"));
            pages.consent(false, false, false, false);
            pages.await(() -> pages.visible("done"));
            pages.patient();
            assertTrue(pages.visible("replaced"), "the first tab still says it is not in use");

            // the first tab takes the desk back; now the second one says so
            pages.click("btn-take-over");
            pages.await(() -> !pages.visible("replaced"));
            pages.to("patient-2");
            pages.await(() -> pages.visible("replaced"));
            assertEquals(1, f.station.store().visits(null).size());
        }
    }

    @Test
    void theEndingMakesWayForTheNextPatientAndACardOnTheReaderIsNeverAskedFor() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            pages.patient();
            pages.await(() -> pages.visible("idle"));
            assertEquals("true", pages.attr("idle", "data-card"));
            assertFalse(pages.text("idle-text").contains("置いてください"), "a card is on the reader: " + pages.text("idle-text"));

            pages.pinCheckToConsent();
            pages.consent(true, true, true, true);
            pages.await(() -> pages.visible("done"));
            assertTrue(pages.text("done").contains("受付が完了しました") && pages.text("done").contains("カードをお取りください"),
                    pages.text("done"));
            pages.shots("p06-done-take-card");

            // the desk's clock passes the ending's time: idle again, and the card left behind is to be taken
            f.clock.advance(PatientScreen.DONE_SHOWN.plus(Duration.ofSeconds(1)));
            pages.await(() -> pages.visible("idle"));
            assertEquals("カードをお取りください", pages.text("idle-text"));
            assertFalse(pages.driver.getPageSource().contains("受付が完了しました</p>") && pages.visible("done"));

            // the card is taken: now a card is asked for
            f.station.virtualReader().remove();
            pages.await(() -> "カードをカードリーダーに置いてください".equals(pages.text("idle-text")));
            pages.shots("p07-idle-no-card");

            // the next patient puts a card down: asked to wait, not to put it down again
            f.swapCard("child");
            pages.await(() -> "true".equals(pages.attr("idle", "data-card")));
            assertTrue(pages.text("idle-text").contains("そのまま置いてお待ちください"), pages.text("idle-text"));
            pages.shots("p08-idle-card-waiting");

            pages.staff();
            pages.click("btn-clear");
            pages.click("btn-pin");
            pages.patient();
            pages.await(() -> pages.visible("pin"));
            pages.pin("1234");
            pages.await(() -> pages.visible("consent"));
            pages.consent(false, false, false, false);
            pages.await(() -> pages.visible("done"));

            // taking the card ends the ending at once
            f.station.virtualReader().remove();
            pages.await(() -> pages.visible("idle") && "カードをカードリーダーに置いてください".equals(pages.text("idle-text")));
            List<Visit> visits = f.station.store().visits(null);
            assertEquals(2, visits.size());
            assertNull(visits.get(1).reason());
            assertEquals("協会　さくら", visits.get(1).qualification().name(), "the second check is the child's card");
        }
    }
}
