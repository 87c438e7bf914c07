package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The 負担割合 guidance by age and scheme (docs/RULES.md §6) when the service gave none. */
class RatioGuideTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void ageBandsAndTheirBasis() {
        assertTrue(RatioGuide.of(LocalDate.of(2022, 1, 15), "01130012", DAY).startsWith("目安 2割（義務教育就学前）"));
        assertTrue(RatioGuide.of(LocalDate.of(1989, 5, 10), "01130012", DAY).startsWith("目安 3割"));
        assertTrue(RatioGuide.of(LocalDate.of(1989, 5, 10), "01130012", DAY).contains("根拠: 37歳"));
        assertTrue(RatioGuide.of(LocalDate.of(1954, 6, 1), "121004", DAY).startsWith("目安 2割（70〜74歳"));
        assertTrue(RatioGuide.of(LocalDate.of(1951, 3, 15), "06139992", DAY).startsWith("目安 1割（後期高齢者医療"));
        String kouki = RatioGuide.of(LocalDate.of(1960, 1, 1), "39011002", DAY);
        assertTrue(kouki.startsWith("目安 1割（後期高齢者医療") && kouki.contains("後期高齢者医療の保険者番号"), kouki);
        assertNull(RatioGuide.of(null, "01130012", DAY));
    }

    @Test
    void schoolStartsTheAprilAfterTheSixthBirthdayCountedTheDayBefore() {
        // born 1 April: six on 31 March, in school from that April; born 2 April: a year later
        assertFalse(RatioGuide.preschool(LocalDate.of(2016, 4, 1), LocalDate.of(2022, 4, 1)));
        assertTrue(RatioGuide.preschool(LocalDate.of(2016, 4, 1), LocalDate.of(2022, 3, 31)));
        assertTrue(RatioGuide.preschool(LocalDate.of(2016, 4, 2), LocalDate.of(2023, 3, 31)));
        assertFalse(RatioGuide.preschool(LocalDate.of(2016, 4, 2), LocalDate.of(2023, 4, 1)));
    }
}
