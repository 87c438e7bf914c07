package jp.mynadesk.screen.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * A class of browser tests: one Chromium ({@link Pages}) for all its tests, started before the first (skipped with
 * the reason without chromium, failed under CI=true) and closed after the last. Test classes run one at a time.
 */
@Tag("slow") // Chromium
abstract class BrowserTest {
    static Pages pages;

    @BeforeAll
    static void browser() throws Exception {
        pages = Pages.start();
    }

    @AfterAll
    static void quit() {
        if (pages != null) {
            pages.close();
            pages = null;
        }
    }
}
