package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.mynadesk.desk.Visit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 「医療費助成の受給者証を利用しますか」 on the patient page in Chromium (PMH): its own 利用する/利用しない choices,
 * nothing chosen beforehand, a left-out answer asked again and never guessed, the numbers shown to staff only.
 * Screenshots: target/screenshots/s0*.
 */
@Tag("slow") // Chromium
class SubsidyBrowserTest extends BrowserTest {

    @Test
    void theSubsidyQuestionIsAskedUntilAnsweredAndStaffSeeTheNumbers() throws Exception {
        try (WebFixture f = new WebFixture("subsidy")) {
            pages.open(f);
            pages.pinCheckToConsent();
            assertEquals(0L, pages.js("return document.querySelectorAll('#questions input:checked').length"));
            String asked = pages.text("questions");
            assertTrue(asked.contains("医療費助成の受給者証を利用しますか") && asked.contains("利用する")
                    && asked.contains("利用しない"), asked);
            assertFalse(asked.contains("81136012"), "no numbers on the patient page");
            pages.axe("patient page, consent and 医療費助成 questions");
            pages.shots("s01-subsidy-asked");

            // the four consent questions answered, 医療費助成 left out: asked again, nothing recorded
            pages.answers("diagnosis-no", "drug-yes", "checkup-no", "surgery-no");
            pages.await(() -> pages.visible("consent-missing"));
            assertEquals("true", pages.js("return document.querySelector(\"fieldset[data-category='subsidy']\")"
                    + ".getAttribute('aria-invalid')"));
            assertTrue(f.station.store().visits(null).isEmpty());
            pages.shots("s02-subsidy-unanswered");

            pages.answers("subsidy-yes");
            pages.await(() -> pages.visible("done"));
            pages.staff();
            pages.await(() -> pages.visible("subsidy-result"));
            String shown = pages.text("subsidy-items");
            assertTrue(shown.contains("公費負担者番号 81136012") && shown.contains("受給者番号 2345676"), shown);
            pages.shots("s03-subsidy-staff-numbers");

            Visit v = f.station.store().visits(null).get(0);
            assertTrue(v.subsidy().used());
            assertEquals(2, v.subsidy().certificates().size());
        }
    }
}
