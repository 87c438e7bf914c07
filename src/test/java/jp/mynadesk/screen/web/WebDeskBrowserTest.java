package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import jp.mynadesk.format.JsonText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The two pages in Debian's headless Chromium through its chromedriver (Selenium; nothing is downloaded): the
 * patient types the PIN and answers consent on /patient while the staff page shows each step and the outcome.
 * Screenshots of both pages at each step go to target/screenshots/; axe-core (npm, src/test/js) checks both pages.
 * Without chromium or chromedriver the tests are skipped with the reason, except under CI=true where they fail.
 */
@Tag("slow") // Chromium
class WebDeskBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");
    private static final Path SHOTS = Path.of(System.getProperty("buildDir", "target"), "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ChromeDriver driver;
    private static Path profile;
    private String staffWindow;
    private String patientWindow;

    @BeforeAll
    static void browser() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing (apt-get install chromium)"
                : !Files.isExecutable(DRIVER) ? DRIVER + " is missing (apt-get install chromium-driver)" : null;
        if (missing != null) {
            if (ci) {
                fail("browser tests need Debian's chromium and chromium-driver: " + missing);
            }
            System.err.println("SKIPPED browser tests: " + missing);
            Assumptions.abort(missing);
        }
        profile = Files.createTempDirectory("mynadesk-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=ja", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void open(WebFixture f) {
        driver.switchTo().window(driver.getWindowHandles().iterator().next());
        driver.get(f.base().resolve("/").toString());
        staffWindow = driver.getWindowHandle();
        await(() -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        for (String h : new ArrayList<>(driver.getWindowHandles())) {
            if (!h.equals(staffWindow)) {
                driver.switchTo().window(h).close();
            }
        }
        driver.switchTo().window(staffWindow);
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(f.base().resolve("/patient").toString());
        patientWindow = driver.getWindowHandle();
        await(() -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @Test
    void pinCheckWithConsentFromThePatientPage() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            open(f);
            shots("01-idle");
            staff();
            click("btn-pin");
            patient();
            await(() -> visible("pin"));
            axe("patient page, PIN pad");
            shots("02-pin-pad");
            for (String d : List.of("1", "2", "3", "4")) {
                driver.findElement(By.cssSelector(".pad button[data-digit='" + d + "']")).click();
            }
            click("pin-ok");
            await(() -> visible("consent"));
            staff();
            await(() -> visible("result") && "consent".equals(phase(f)));
            assertTrue(driver.findElement(By.id("q-ratio")).getText().contains("3"));
            axe("staff page, insurance confirmed");
            driver.findElement(By.id("ceiling-total")).sendKeys("1000000");
            click("ceiling-form", "button");
            await(() -> !driver.findElement(By.id("ceiling-result")).getText().isBlank());
            shots("03-consent");
            patient();
            axe("patient page, consent");
            click("c-diagnosis-yes");
            click("c-drug-yes");
            click("c-checkup-no");
            click("c-surgery-no");
            click("consent-form", "button");
            await(() -> visible("done") && "true".equals(driver.findElement(By.id("done")).getDomAttribute("data-accepted")));
            staff();
            await(() -> "confirmed".equals(driver.findElement(By.id("result")).getDomAttribute("data-outcome"))
                    && driver.findElements(By.cssSelector("#visits tr")).size() == 1);
            shots("04-done");
            assertEquals("confirmed", f.station.store().visits(null).get(0).outcome().code());
            assertTrue(f.station.store().visits(null).get(0).consent().categories().get(jp.mynadesk.desk.SharingCategory.DIAGNOSIS));
        }
    }

    @Test
    void aVisitTheRecordDidNotTakeIsRecordedFromTheStaffPage() throws Exception {
        try (WebFixture f = new WebFixture("default", "127.0.0.1", Duration.ofMillis(200));
             jp.mynadesk.testsupport.RecordHold other = new jp.mynadesk.testsupport.RecordHold(f.data)) {
            open(f);
            staff();
            click("btn-pin");
            patient();
            await(() -> visible("pin"));
            driver.findElement(By.tagName("body")).sendKeys("1234" + Keys.ENTER);
            await(() -> visible("consent"));
            other.take();
            answerConsent(false, true, false, false);
            staff();
            await(() -> "record-unavailable".equals(driver.findElement(By.id("reason")).getDomAttribute("data-code"))
                    && visible("record-panel"));
            assertTrue(!driver.findElement(By.id("record-problem")).getText().isBlank());
            assertTrue(visible("result") && "confirmed".equals(driver.findElement(By.id("result")).getDomAttribute("data-outcome")),
                    "the decision stays on screen while it waits");
            assertTrue(!driver.findElement(By.id("btn-cancel")).isEnabled(), "cancelling would lose the decided visit");
            axe("staff page, visit waiting to be recorded");
            shots("07-record-unavailable");
            other.release();
            click("btn-record-again");
            await(() -> "confirmed".equals(driver.findElement(By.id("result")).getDomAttribute("data-outcome"))
                    && !visible("record-panel"));
            assertEquals(1, f.station.store().visits(null).size());
        }
    }

    @Test
    void wrongPinThenTheRightOneByKeyboard() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            open(f);
            staff();
            click("btn-pin");
            patient();
            await(() -> visible("pin"));
            driver.findElement(By.tagName("body")).sendKeys("9876" + Keys.ENTER);
            await(() -> !driver.findElements(By.cssSelector("#pin-notices li")).isEmpty());
            assertTrue(driver.findElement(By.id("pin-prompt")).getText().contains("2"));
            staff();
            await(() -> "wrong-pin".equals(driver.findElement(By.id("reason")).getDomAttribute("data-code")));
            assertTrue(!driver.findElement(By.tagName("body")).getText().contains("9876"), "the staff page never shows a PIN");
            shots("05-wrong-pin");
            patient();
            driver.findElement(By.tagName("body")).sendKeys("1234" + Keys.ENTER);
            await(() -> visible("consent"));
            staff();
            await(() -> "consent".equals(phase(f)) && visible("result"));
            shots("06-right-pin");
        }
    }

    @Test
    void blockedCardSwitchedToVisualMode() throws Exception {
        try (WebFixture f = new WebFixture("blocked")) {
            open(f);
            staff();
            click("btn-pin");
            await(() -> visible("visual-panel") && "pin-blocked".equals(driver.findElement(By.id("reason")).getDomAttribute("data-code")));
            patient();
            await(() -> visible("staff"));
            shots("07-blocked");
            staff();
            driver.findElement(By.id("visual-staff-2")).sendKeys("S001");
            click("btn-visual");
            patient();
            await(() -> visible("consent"));
            answerConsent(true, true, true, true);
            await(() -> visible("done"));
            staff();
            await(() -> "confirmed".equals(driver.findElement(By.id("result")).getDomAttribute("data-outcome")));
            shots("08-visual-done");
            assertEquals("card-visual", f.station.store().visits(null).get(0).route().code());
        }
    }

    @Test
    void outageWithATypedKakuninshoThenRecoveryAndRecheck() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            open(f);
            f.outage();
            staff();
            click("btn-pin");
            patient(); // the card still proves itself without the service: the PIN first
            await(() -> visible("pin"));
            driver.findElement(By.tagName("body")).sendKeys("1234" + Keys.ENTER);
            staff();
            await(() -> "service-offline".equals(driver.findElement(By.id("reason")).getDomAttribute("data-code")));
            type("d-insurerNumber", "01130012");
            type("d-symbol", "12345678");
            type("d-number", "1");
            type("d-branch", "01");
            type("d-name", "協会 さくら");
            type("d-birthDate", "平成28年4月2日");
            type("d-sex", "女");
            type("d-issuedOn", "令和6年12月2日");
            type("d-validUntil", "2029-11-30");
            type("d-address", "東京都千代田区霞が関1-2-3");
            axe("staff page, documents during an outage");
            shots("09-outage-documents");
            click("docs-form", "button[type='submit']");
            await(() -> "provisional".equals(driver.findElement(By.id("result")).getDomAttribute("data-outcome"))
                    && "1".equals(driver.findElement(By.id("pending-count")).getText()));
            shots("10-provisional");

            f.recover();
            click("btn-recheck");
            await(() -> !driver.findElements(By.cssSelector("#recheck-result li[data-kind='confirmed']")).isEmpty()
                    && "0".equals(driver.findElement(By.id("pending-count")).getText()));
            click("btn-verify");
            await(() -> "true".equals(driver.findElement(By.id("verify-result")).getDomAttribute("data-ok")));
            shots("11-rechecked");
            assertEquals("confirmed", f.station.store().visits(null).get(0).recheckState().code());
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** On the patient page: one answer per category (診療, 薬剤, 特定健診, 手術), then 決定. */
    private void answerConsent(boolean diagnosis, boolean drug, boolean checkup, boolean surgery) {
        click("c-diagnosis-" + (diagnosis ? "yes" : "no"));
        click("c-drug-" + (drug ? "yes" : "no"));
        click("c-checkup-" + (checkup ? "yes" : "no"));
        click("c-surgery-" + (surgery ? "yes" : "no"));
        click("consent-form", "button[type='submit']");
    }

    private String phase(WebFixture f) {
        return DeskView.phase(f.web.prompt());
    }

    private void staff() {
        driver.switchTo().window(staffWindow);
    }

    private void patient() {
        driver.switchTo().window(patientWindow);
    }

    private boolean visible(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    private void click(String id) {
        WebElement e = driver.findElement(By.id(id));
        await(e::isDisplayed);
        e.click();
    }

    private void click(String id, String css) {
        WebElement e = driver.findElement(By.id(id)).findElement(By.cssSelector(css));
        await(e::isDisplayed);
        e.click();
    }

    private void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Waits for what a person would wait for; a bounded poll, not a timing assertion. */
    private static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // the page re-rendered between finding and reading: look again
            }
            if (System.nanoTime() > end) {
                String shown = driver.findElement(By.tagName("body")).getText();
                fail("the page did not get there in " + WAIT.toSeconds() + " s: " + driver.getCurrentUrl() + "\n"
                        + shown.substring(0, Math.min(shown.length(), 1500)));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Both pages as they are now, named by the step. */
    private void shots(String step) throws Exception {
        String current = driver.getWindowHandle();
        for (var w : List.of(new String[] {staffWindow, "staff"}, new String[] {patientWindow, "patient"})) {
            driver.switchTo().window(w[0]);
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SHOTS.resolve(step + "-" + w[1] + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        driver.switchTo().window(current);
    }

    /** axe-core in the page: no serious or critical violation. */
    private void axe(String what) throws Exception {
        if (!Files.isReadable(AXE)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(AXE + " is missing: run npm ci in src/test/js");
            }
            System.err.println("SKIPPED accessibility check (" + what + "): " + AXE + " is missing; run npm ci in src/test/js");
            return;
        }
        JavascriptExecutor js = driver;
        js.executeScript(Files.readString(AXE));
        Object out = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map("
                + "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))))"
                + ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));");
        JsonNode violations = new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(out));
        List<String> serious = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(v.toString());
            }
        }
        assertTrue(serious.isEmpty(), what + ": " + serious);
    }
}
