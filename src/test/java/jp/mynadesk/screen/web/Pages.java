package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The staff page and any number of patient pages (windows) of one desk in Debian's headless Chromium, for the
 * browser tests: as {@link WebDeskBrowserTest} starts it (nothing downloaded; skipped with the reason without
 * chromium, failed under CI=true), with the waits, screenshots (target/screenshots/) and axe-core check they share.
 */
final class Pages implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");
    static final Path SHOTS = Path.of(System.getProperty("buildDir", "target"), "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    final ChromeDriver driver;
    private final Path profile;
    /** Window handles by name: "staff", "patient", "patient-2", ... */
    private final Map<String, String> windows = new LinkedHashMap<>();

    private Pages(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser, or the test is skipped (aborted) with the reason when chromium is not installed. */
    static Pages start() throws Exception {
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
        Path profile = Files.createTempDirectory("mynadesk-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=ja", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
        return new Pages(driver, profile);
    }

    /** The staff page and one patient page of {@code f}, each in its own window; other windows closed. */
    void open(WebFixture f) {
        windows.clear();
        driver.switchTo().window(driver.getWindowHandles().iterator().next());
        driver.get(f.base().resolve("/").toString());
        String staff = driver.getWindowHandle();
        ready();
        for (String h : new ArrayList<>(driver.getWindowHandles())) {
            if (!h.equals(staff)) {
                driver.switchTo().window(h).close();
            }
        }
        driver.switchTo().window(staff);
        driver.manage().window().setSize(new Dimension(1280, 1400));
        windows.put("staff", staff);
        openPatient(f, "patient");
    }

    /** One more patient page (a second tab on the tablet), named {@code name}; it becomes the current window. */
    void openPatient(WebFixture f, String name) {
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(f.base().resolve("/patient").toString());
        windows.put(name, driver.getWindowHandle());
        ready();
    }

    private void ready() {
        await(() -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    void staff() {
        to("staff");
    }

    void patient() {
        to("patient");
    }

    void to(String window) {
        driver.switchTo().window(windows.get(window));
    }

    boolean visible(String id) {
        List<WebElement> e = driver.findElements(By.id(id));
        return !e.isEmpty() && e.get(0).isDisplayed();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String attr(String id, String attribute) {
        return driver.findElement(By.id(id)).getDomAttribute(attribute);
    }

    void click(String id) {
        WebElement e = driver.findElement(By.id(id));
        await(e::isDisplayed);
        await(e::isEnabled);
        e.click();
    }

    void click(String id, String css) {
        WebElement e = driver.findElement(By.id(id)).findElement(By.cssSelector(css));
        await(e::isDisplayed);
        e.click();
    }

    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        if (!text.isEmpty()) {
            e.sendKeys(text);
        }
    }

    /** Keys as a keyboard (or a keyboard-wedge reader) types them into whatever has the focus. */
    void keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** On the patient page: the digits on the pad, then 確定. */
    void pin(String digits) {
        for (char d : digits.toCharArray()) {
            click("pin", ".pad button[data-digit='" + d + "']");
        }
        click("pin-ok");
    }

    /** On the patient page: one answer per category (診療, 薬剤, 特定健診, 手術), then 決定. */
    void consent(boolean diagnosis, boolean drug, boolean checkup, boolean surgery) {
        answers("diagnosis-" + (diagnosis ? "yes" : "no"), "drug-" + (drug ? "yes" : "no"),
                "checkup-" + (checkup ? "yes" : "no"), "surgery-" + (surgery ? "yes" : "no"));
    }

    /** On the patient page: the answers as given ({@code "drug-no"}: the choice {@code c-drug-no}), then 決定. */
    void answers(String... choices) {
        for (String c : choices) {
            click("c-" + c);
        }
        click("consent-form", "button[type='submit']");
    }

    /** From the staff page: a PIN check started; the patient page shows its pad (and is the current window). */
    void startPinCheck() {
        staff();
        click("btn-pin");
        patient();
        await(() -> visible("pin"));
    }

    /** A PIN check started and the right PIN (1234) entered: the patient page asks the consent questions. */
    void pinCheckToConsent() {
        startPinCheck();
        pin("1234");
        await(() -> visible("consent"));
    }

    /** Fields typed one after the other: id, text, id, text, ... */
    void fill(String... idsAndTexts) {
        for (int i = 0; i < idsAndTexts.length; i += 2) {
            type(idsAndTexts[i], idsAndTexts[i + 1]);
        }
    }

    /** On the staff page: 協会 さくら's 資格確認書 typed into the documents form up to her 性別 (no dates, no address). */
    void typeSakurasKakuninsho(String birthDate) {
        fill("d-insurerNumber", "01130012", "d-symbol", "12345678", "d-number", "1", "d-branch", "01",
                "d-name", "協会 さくら", "d-birthDate", birthDate, "d-sex", "女");
    }

    /** Waits for what a person would wait for; a bounded poll, not a timing assertion. */
    void await(BooleanSupplier condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                // the page re-rendered between finding and reading: look again
            }
            if (System.nanoTime() > end) {
                String shown = driver.findElement(By.tagName("body")).getText();
                fail("the page did not get there in " + WAIT.toSeconds() + " s: " + driver.getCurrentUrl() + "\n"
                        + shown.substring(0, Math.min(shown.length(), 2000)));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Every open page as it is now, named by the step (target/screenshots/STEP-WINDOW.png). */
    void shots(String step) throws Exception {
        String current = driver.getWindowHandle();
        for (var w : windows.entrySet()) {
            driver.switchTo().window(w.getValue());
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SHOTS.resolve(step + "-" + w.getKey() + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        driver.switchTo().window(current);
    }

    /** The current page only. */
    void shot(String name) throws Exception {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** axe-core in the current page: no serious or critical violation. */
    void axe(String what) throws Exception {
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

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
