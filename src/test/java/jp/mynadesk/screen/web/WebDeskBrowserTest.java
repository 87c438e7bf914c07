package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The two pages in Debian's headless Chromium through its chromedriver (Selenium; nothing is downloaded): the
 * patient types the PIN and answers consent on /patient while the staff page shows each step and the outcome.
 * Screenshots of both pages at each step go to target/screenshots/; axe-core (npm, src/test/js) checks both pages.
 * Without chromium or chromedriver the tests are skipped with the reason, except under CI=true where they fail
 * ({@link Pages}).
 */
@Tag("slow") // Chromium
class WebDeskBrowserTest extends BrowserTest {
    @Test
    void pinCheckWithConsentFromThePatientPage() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            pages.shots("01-idle");
            pages.startPinCheck();
            pages.axe("patient page, PIN pad");
            pages.shots("02-pin-pad");
            pages.pin("1234");
            pages.await(() -> pages.visible("consent"));
            pages.staff();
            pages.await(() -> pages.visible("result") && "consent".equals(phase(f)));
            assertTrue(pages.text("q-ratio").contains("3"));
            pages.axe("staff page, insurance confirmed");
            pages.type("ceiling-total", "1000000");
            pages.click("ceiling-form", "button");
            pages.await(() -> !pages.text("ceiling-result").isBlank());
            pages.shots("03-consent");
            pages.patient();
            pages.axe("patient page, consent");
            pages.consent(true, true, false, false);
            pages.await(() -> pages.visible("done") && "true".equals(pages.attr("done", "data-accepted")));
            pages.staff();
            pages.await(() -> "confirmed".equals(pages.attr("result", "data-outcome"))
                    && pages.driver.findElements(By.cssSelector("#visits tr")).size() == 1);
            pages.shots("04-done");
            assertEquals("confirmed", f.station.store().visits(null).get(0).outcome().code());
            assertTrue(f.station.store().visits(null).get(0).consent().categories().get(jp.mynadesk.desk.SharingCategory.DIAGNOSIS));
        }
    }

    @Test
    void aVisitTheRecordDidNotTakeIsRecordedFromTheStaffPage() throws Exception {
        try (WebFixture f = new WebFixture("default", "127.0.0.1", Duration.ofMillis(200));
             jp.mynadesk.testsupport.RecordHold other = new jp.mynadesk.testsupport.RecordHold(f.data)) {
            pages.open(f);
            pages.startPinCheck();
            pages.driver.findElement(By.tagName("body")).sendKeys("1234" + Keys.ENTER);
            pages.await(() -> pages.visible("consent"));
            other.take();
            pages.consent(false, true, false, false);
            pages.staff();
            pages.await(() -> "record-unavailable".equals(pages.attr("reason", "data-code"))
                    && pages.visible("record-panel"));
            assertTrue(!pages.text("record-problem").isBlank());
            assertTrue(pages.visible("result") && "confirmed".equals(pages.attr("result", "data-outcome")),
                    "the decision stays on screen while it waits");
            assertTrue(!pages.driver.findElement(By.id("btn-cancel")).isEnabled(), "cancelling would lose the decided visit");
            pages.axe("staff page, visit waiting to be recorded");
            pages.shots("07-record-unavailable");
            other.release();
            pages.click("btn-record-again");
            pages.await(() -> "confirmed".equals(pages.attr("result", "data-outcome"))
                    && !pages.visible("record-panel"));
            assertEquals(1, f.station.store().visits(null).size());
        }
    }

    @Test
    void wrongPinThenTheRightOneByKeyboard() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            pages.startPinCheck();
            pages.driver.findElement(By.tagName("body")).sendKeys("9876" + Keys.ENTER);
            pages.await(() -> !pages.driver.findElements(By.cssSelector("#pin-notices li")).isEmpty());
            assertTrue(pages.text("pin-prompt").contains("2"));
            pages.staff();
            pages.await(() -> "wrong-pin".equals(pages.attr("reason", "data-code")));
            assertTrue(!pages.driver.findElement(By.tagName("body")).getText().contains("9876"), "the staff page never shows a PIN");
            pages.shots("05-wrong-pin");
            pages.patient();
            pages.driver.findElement(By.tagName("body")).sendKeys("1234" + Keys.ENTER);
            pages.await(() -> pages.visible("consent"));
            pages.staff();
            pages.await(() -> "consent".equals(phase(f)) && pages.visible("result"));
            pages.shots("06-right-pin");
        }
    }

    @Test
    void blockedCardSwitchedToVisualMode() throws Exception {
        try (WebFixture f = new WebFixture("blocked")) {
            pages.open(f);
            pages.staff();
            pages.click("btn-pin");
            pages.await(() -> pages.visible("visual-panel") && "pin-blocked".equals(pages.attr("reason", "data-code")));
            pages.patient();
            pages.await(() -> pages.visible("staff"));
            pages.shots("07-blocked");
            pages.staff();
            pages.type("visual-staff-2", "S001");
            pages.click("btn-visual");
            pages.patient();
            pages.await(() -> pages.visible("consent"));
            pages.consent(true, true, true, true);
            pages.await(() -> pages.visible("done"));
            pages.staff();
            pages.await(() -> "confirmed".equals(pages.attr("result", "data-outcome")));
            pages.shots("08-visual-done");
            assertEquals("card-visual", f.station.store().visits(null).get(0).route().code());
        }
    }

    @Test
    void outageWithATypedKakuninshoThenRecoveryAndRecheck() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            pages.open(f);
            f.outage();
            pages.startPinCheck(); // the card still proves itself without the service: the PIN first
            pages.driver.findElement(By.tagName("body")).sendKeys("1234" + Keys.ENTER);
            pages.staff();
            pages.await(() -> "service-offline".equals(pages.attr("reason", "data-code")));
            pages.typeSakurasKakuninsho("平成28年4月2日");
            pages.fill("d-issuedOn", "令和6年12月2日", "d-validUntil", "2029-11-30", "d-address", "東京都千代田区霞が関1-2-3");
            pages.axe("staff page, documents during an outage");
            pages.shots("09-outage-documents");
            pages.click("docs-form", "button[type='submit']");
            pages.await(() -> "provisional".equals(pages.attr("result", "data-outcome"))
                    && "1".equals(pages.text("pending-count")));
            pages.shots("10-provisional");

            f.recover();
            pages.click("btn-recheck");
            pages.await(() -> !pages.driver.findElements(By.cssSelector("#recheck-result li[data-kind='confirmed']")).isEmpty()
                    && "0".equals(pages.text("pending-count")));
            pages.click("btn-verify");
            pages.await(() -> "true".equals(pages.attr("verify-result", "data-ok")));
            pages.shots("11-rechecked");
            assertEquals("confirmed", f.station.store().visits(null).get(0).recheckState().code());
        }
    }

    private static String phase(WebFixture f) {
        return DeskView.phase(f.web.prompt());
    }
}
