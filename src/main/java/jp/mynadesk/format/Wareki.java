package jp.mynadesk.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 和暦 dates as printed on the documents ("令和 6年12月2日", "平成元年5月10日") and as staff type them ("R6.12.2"). */
public final class Wareki {
    private Wareki() {}

    private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(
            Map.entry("令和", JapaneseEra.REIWA), Map.entry("R", JapaneseEra.REIWA),
            Map.entry("平成", JapaneseEra.HEISEI), Map.entry("H", JapaneseEra.HEISEI),
            Map.entry("昭和", JapaneseEra.SHOWA), Map.entry("S", JapaneseEra.SHOWA),
            Map.entry("大正", JapaneseEra.TAISHO), Map.entry("T", JapaneseEra.TAISHO),
            Map.entry("明治", JapaneseEra.MEIJI), Map.entry("M", JapaneseEra.MEIJI));

    private static final Pattern WAREKI = Pattern.compile(
            "(令和|平成|昭和|大正|明治|[RHSTM])\\s*(元|\\d{1,2})\\s*[年.\\-/]\\s*(\\d{1,2})\\s*[月.\\-/]\\s*(\\d{1,2})\\s*日?");

    /** "令和6年12月2日"; year 1 of an era is 元年, as on the printed forms. */
    public static String format(LocalDate date) {
        JapaneseDate jd = JapaneseDate.from(date);
        int year = jd.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
        return jd.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN) + (year == 1 ? "元" : String.valueOf(year)) + "年"
                + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /**
     * A 和暦 date, or empty when it is not one or does not exist. A year of an era names a day only within the era's
     * dates (docs/RULES.md §8): 令和1年4月30日 (before 令和 began) and 平成32年1月1日 (after 平成 ended) are no day;
     * 令和元年 and 令和1年 are the same year.
     */
    public static Optional<LocalDate> parse(String text) {
        Reading r = read(text);
        return r == null || r.date == null || !r.withinEra() ? Optional.empty() : Optional.of(r.date);
    }

    /**
     * Why {@code text}, a 和暦 date of a real calendar day, is no day of its era: the era's name and dates and the day's
     * right name, for the sentence ({@code desk.StaffText#outsideEra}: 「平成32年1月1日」は存在しない日付です。平成は
     * 1989-01-08 から 2019-04-30 までです（2020-01-01 は 令和2年1月1日）); empty when it is a day of its era or not 和暦 at
     * all.
     */
    public static Optional<EraMismatch> mismatch(String text) {
        Reading r = read(text);
        if (r == null || r.date == null || r.withinEra()) {
            return Optional.empty();
        }
        return Optional.of(new EraMismatch(text.strip(), r.era.getDisplayName(TextStyle.FULL, Locale.JAPAN), r.start,
                end(r.era), r.date));
    }

    /**
     * A 和暦 date outside its era.
     *
     * @param end  the era's last day, or null for the present era
     * @param date the calendar day the year, month and day name
     */
    public record EraMismatch(String typed, String era, LocalDate start, LocalDate end, LocalDate date) {}

    /** The era, and the Gregorian day its year, month and day name (null when no such calendar day). */
    private record Reading(JapaneseEra era, LocalDate start, LocalDate date) {
        boolean withinEra() {
            LocalDate end = end(era);
            return !date.isBefore(start) && (end == null || !date.isAfter(end));
        }
    }

    private static Reading read(String text) {
        Matcher m = WAREKI.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        JapaneseEra era = ERAS.get(m.group(1));
        int year = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
        LocalDate start = eraStart(era);
        try {
            return new Reading(era, start, LocalDate.of(start.getYear() + year - 1, Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4))));
        } catch (DateTimeException e) {
            return new Reading(era, start, null);
        }
    }

    /** The era's last day, or null for the present era. */
    private static LocalDate end(JapaneseEra era) {
        int i = ORDER.indexOf(era);
        return i < ORDER.size() - 1 ? eraStart(ORDER.get(i + 1)).minusDays(1) : null;
    }

    /** The eras read, in order (not {@code JapaneseEra.values()}: a JVM may be configured with a further one). */
    private static final java.util.List<JapaneseEra> ORDER = java.util.List.of(JapaneseEra.MEIJI, JapaneseEra.TAISHO,
            JapaneseEra.SHOWA, JapaneseEra.HEISEI, JapaneseEra.REIWA);

    /** The first day of each era (docs/RULES.md §8); 明治 as the JDK counts it (the Gregorian calendar came in 明治6年). */
    private static LocalDate eraStart(JapaneseEra era) {
        if (era == JapaneseEra.REIWA) {
            return LocalDate.of(2019, 5, 1);
        }
        if (era == JapaneseEra.HEISEI) {
            return LocalDate.of(1989, 1, 8);
        }
        if (era == JapaneseEra.SHOWA) {
            return LocalDate.of(1926, 12, 25);
        }
        if (era == JapaneseEra.TAISHO) {
            return LocalDate.of(1912, 7, 30);
        }
        return LocalDate.of(1868, 1, 1);
    }
}
