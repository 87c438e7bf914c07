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
        Random random = new Random(1951);
        String alphabet = "0123456789-+/ ";
        for (int n = 0; n < 100_000; n++) {
            char[] text = String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33)).toCharArray();
            if (random.nextInt(4) == 0) {
                text[random.nextInt(10)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String s = new String(text);
            assertEquals(oracle(s), EnteredDate.iso(s), s);
        }
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
