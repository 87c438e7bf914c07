package jp.mynadesk.format;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one date rule every parser applies (docs/RULES.md §8): command options ({@code --as-of}, {@code --birth-date},
 * {@code --since}, …), typed and scanned documents, QR payloads, the web forms, {@code docs check} input, scenario
 * files and card profiles all accept the days from {@link #EARLIEST} to {@link #LATEST}, read 和暦 by one era rule
 * ({@link Wareki}), and turn a day or a local time into an instant at {@link #JST}.
 */
public final class Dates {
    private Dates() {}

    /** No living patient was born earlier; an earlier date is a typing slip (0000-01-01). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Far beyond any document's validity; a later date is a typing slip or a placeholder (9999-12-31). */
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    /**
     * Japan Standard Time, UTC+9, as a fixed offset: never the tz database's Asia/Tokyo, whose history starts with the
     * local mean time +09:18:59 (before 1888) and has summer time (1948–1951), so a day would not always be 09:00+09:00.
     */
    public static final ZoneOffset JST = ZoneOffset.ofHours(9);

    public static boolean inRange(LocalDate day) {
        return !day.isBefore(EARLIEST) && !day.isAfter(LATEST);
    }
}
