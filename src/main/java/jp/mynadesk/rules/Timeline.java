package jp.mynadesk.rules;

import java.time.LocalDate;

/**
 * The dates the 健康保険証 → マイナ保険証 transition turns on, as data: each date with what it means and where it was
 * announced (docs/RULES.md "Timeline" lists the same table with the public sources). All inclusive. When a date
 * moves, change its one line here and the test that pins it.
 */
public enum Timeline {
    NEW_CARD_ISSUANCE_END(LocalDate.of(2024, 12, 2),
            "no new 健康保険証 from this day; the 資格確認書 / 資格情報のお知らせ regime starts",
            "insurers' notices to members (協会けんぽ, 健保組合), 2024"),
    OLD_CARD_LAST_DAY(LocalDate.of(2025, 12, 1),
            "last day any old 健康保険証 can be used",
            "insurers' notices to members (協会けんぽ, 健保組合), 2024"),
    INTERIM_LAST_DAY(LocalDate.of(2026, 7, 31),
            "last day of the 暫定的な取扱い (expired old card / お知らせ alone, confirmed online)",
            "first 2026-03-31 (MHLW 事務連絡 2025-06-27, 2025-11-12); extended to 2026-07-31 by the Minister of Health, 2026-03-19"),
    KOUKI_ALL_KAKUNINSHO_END(LocalDate.of(2026, 7, 31),
            "until this day every 後期高齢者 got a 資格確認書 even with a マイナ保険証",
            "MHLW 暫定運用, decided 2025-04-03, continued 2025-08 (municipal notices)");

    private final LocalDate day;
    private final String meaning;
    private final String source;

    Timeline(LocalDate day, String meaning, String source) {
        this.day = day;
        this.meaning = meaning;
        this.source = source;
    }

    public LocalDate day() {
        return day;
    }

    public String meaning() {
        return meaning;
    }

    /** Where the date was announced (public notices; docs/RULES.md has the addresses). */
    public String source() {
        return source;
    }

    public static boolean interimMeasureApplies(LocalDate asOf) {
        return !asOf.isAfter(INTERIM_LAST_DAY.day);
    }

    public static boolean oldCardAbolished(LocalDate asOf) {
        return asOf.isAfter(OLD_CARD_LAST_DAY.day);
    }
}
