package jp.mynadesk.documents;

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

    /** A 和暦 date, or empty when it is not one or does not exist (a year past the era's end, e.g. 平成32年, is read as the Gregorian year it names, as printed forms did). */
    public static Optional<LocalDate> parse(String text) {
        Matcher m = WAREKI.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        JapaneseEra era = ERAS.get(m.group(1));
        int year = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
        try {
            LocalDate start = eraStart(era);
            LocalDate date = LocalDate.of(start.getYear() + year - 1, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            return date.isBefore(start) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

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
