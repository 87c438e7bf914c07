package jp.mynadesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dates of docs/RULES.md "Timeline": a moved date changes one line of Timeline and one line here. */
class TimelineTest {
    @Test
    void datesAsAnnounced() {
        assertEquals(LocalDate.of(2024, 12, 2), Timeline.NEW_CARD_ISSUANCE_END.day());
        assertEquals(LocalDate.of(2025, 12, 1), Timeline.OLD_CARD_LAST_DAY.day());
        assertEquals(LocalDate.of(2026, 7, 31), Timeline.INTERIM_LAST_DAY.day()); // extended 2026-03-19 from 2026-03-31
        assertEquals(LocalDate.of(2026, 7, 31), Timeline.KOUKI_ALL_KAKUNINSHO_END.day());
    }

    @Test
    void everyDateSaysWhatItMeansAndWhereItWasAnnounced() {
        for (Timeline t : Timeline.values()) {
            assertFalse(t.meaning().isBlank(), t.name());
            assertFalse(t.source().isBlank(), t.name());
        }
    }

    @Test
    void interimMeasureRunsThroughItsLastDayInclusive() {
        assertTrue(Timeline.interimMeasureApplies(Timeline.INTERIM_LAST_DAY.day()));
        assertFalse(Timeline.interimMeasureApplies(Timeline.INTERIM_LAST_DAY.day().plusDays(1)));
        assertTrue(Timeline.interimMeasureApplies(LocalDate.of(2026, 4, 1)));
    }
}
