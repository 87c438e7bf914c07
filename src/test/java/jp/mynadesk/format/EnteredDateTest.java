package jp.mynadesk.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnteredDateTest {
    /** What the reader used before it read by hand: the oracle for every 10-character text. */
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private static LocalDate oracle(String text) {
        try {
            return LocalDate.parse(text, STRICT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsExactlyTheRealDaysTheFormatterRead() {
        for (String text : List.of("2024-02-29", "2025-02-29", "0000-01-01", "9999-12-31", "2026-04-31", "2026-00-10",
                "2026-13-01", "2026-1-010", "２０２４-01-01", "2024/01/01", "+202-01-01", "-202-01-01", "2024-01-0a")) {
            assertEquals(oracle(text), EnteredDate.iso(text), text);
        }
        // every month and day from 00 to the first impossible one, in years that test each leap-year rule
        int[] years = {0, 1, 1899, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9999};
        String alphabet = "0123456789-+/ ";
        int n = 0;
        for (int year : years) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    char[] text = date(year, month, day);
                    String s = new String(text);
                    assertEquals(oracle(s), EnteredDate.iso(s), s);
                    if (n++ % 97 == 0) {
                        // and, for a spread of them, every character of the alphabet at every position
                        for (int at = 0; at < text.length; at++) {
                            for (int c = 0; c < alphabet.length(); c++) {
                                char[] changed = text.clone();
                                changed[at] = alphabet.charAt(c);
                                String t = new String(changed);
                                assertEquals(oracle(t), EnteredDate.iso(t), t);
                            }
                        }
                    }
                }
            }
        }
        Random random = new Random(1951);
        for (int i = 0; i < 10_000; i++) {
            char[] text = date(random.nextInt(10_000), random.nextInt(14), random.nextInt(33));
            if (random.nextInt(4) == 0) {
                text[random.nextInt(10)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(text);
            assertEquals(oracle(s), EnteredDate.iso(s), s);
        }
    }

    /** "yyyy-MM-dd" with zero padding (String.format costs more than the parsing under test). */
    private static char[] date(int year, int month, int day) {
        return new char[] {digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-',
            digit(month / 10), digit(month), '-', digit(day / 10), digit(day)};
    }

    private static char digit(int value) {
        return (char) ('0' + value % 10);
    }

    @Test
    void otherLengthsAreNotDates() {
        for (String text : List.of("", "2024-01-1", "2024-01-011", "+10000-01-01", " 2024-01-01")) {
            assertEquals(null, EnteredDate.iso(text), text);
        }
    }

    @Test
    void parseKeepsAnImpossibleDateAsTyped() {
        assertEquals(new EnteredDate.Invalid("2025-02-29"), EnteredDate.parse("2025-02-29"));
        assertEquals(new EnteredDate.Valid(LocalDate.of(2024, 2, 29)), EnteredDate.parse("2024-02-29"));
        assertEquals(EnteredDate.ABSENT, EnteredDate.parse(null));
    }

    @Test
    void aDayOutsideTheOneRangeIsKeptAsInvalid() {
        // docs/RULES.md §8: a document, a QR payload or docs check input gets bad-format, never year 0 or 9999
        for (String text : List.of("0000-01-01", "1899-12-31", "2100-01-01", "9999-12-31")) {
            assertEquals(new EnteredDate.Invalid(text), EnteredDate.parse(text), text);
        }
        assertEquals(new EnteredDate.Valid(Dates.EARLIEST), EnteredDate.parse("1900-01-01"));
        assertEquals(new EnteredDate.Valid(Dates.LATEST), EnteredDate.parse("2099-12-31"));
    }
}
