package jp.mynadesk.rules;

import java.time.LocalDate;

/** The dates the 健康保険証 → マイナ保険証 transition turns on (rules.md §1). All inclusive. */
public final class Timeline {
    private Timeline() {}

    /** No new 健康保険証 from this day; the 資格確認書 / お知らせ regime starts. */
    public static final LocalDate NEW_CARD_ISSUANCE_END = LocalDate.of(2024, 12, 2);
    /** Last day any old 健康保険証 can be used. */
    public static final LocalDate OLD_CARD_LAST_DAY = LocalDate.of(2025, 12, 1);
    /** Last day of the 暫定的な取扱い (expired old card / お知らせ alone, confirmed online). */
    public static final LocalDate INTERIM_LAST_DAY = LocalDate.of(2026, 3, 31);
    /** Until this day every 後期高齢者 got a 資格確認書 even with a マイナ保険証. */
    public static final LocalDate KOUKI_ALL_KAKUNINSHO_END = LocalDate.of(2026, 7, 31);

    public static boolean interimMeasureApplies(LocalDate asOf) {
        return !asOf.isAfter(INTERIM_LAST_DAY);
    }

    public static boolean oldCardAbolished(LocalDate asOf) {
        return asOf.isAfter(OLD_CARD_LAST_DAY);
    }
}
