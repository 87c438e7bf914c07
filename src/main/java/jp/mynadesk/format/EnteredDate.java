package jp.mynadesk.format;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * A date field as it was printed or typed. An impossible date is kept (not thrown away) because the rules
 * report it as {@code bad-format} instead of refusing the whole input.
 */
public sealed interface EnteredDate {

    record Absent() implements EnteredDate {}

    record Valid(LocalDate value) implements EnteredDate {}

    record Invalid(String raw) implements EnteredDate {}

    EnteredDate ABSENT = new Absent();

    static EnteredDate of(LocalDate date) {
        return date == null ? ABSENT : new Valid(date);
    }

    /**
     * Parses {@code YYYY-MM-DD} strictly (2025-02-29 is invalid), and only within {@link Dates#EARLIEST} to
     * {@link Dates#LATEST} (0000-01-01 is invalid, docs/RULES.md §8); null is absent.
     */
    static EnteredDate parse(String raw) {
        if (raw == null) {
            return ABSENT;
        }
        LocalDate date = iso(raw);
        return date == null || !Dates.inRange(date) ? new Invalid(raw) : new Valid(date);
    }

    /**
     * {@code YYYY-MM-DD} exactly, in ASCII digits, naming a real day; null otherwise. Read by hand rather than with a
     * {@code DateTimeFormatter}: initialising the JDK's formatters is about 5 ms of a cold one-shot command
     * (docs/ARCHITECTURE.md, "Start-up").
     */
    static LocalDate iso(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    default Optional<LocalDate> date() {
        return this instanceof Valid v ? Optional.of(v.value()) : Optional.empty();
    }

    default boolean isAbsent() {
        return this instanceof Absent;
    }

    default boolean isInvalid() {
        return this instanceof Invalid;
    }

    /** The text as it goes back into JSON, or null when absent. */
    default String text() {
        if (this instanceof Valid v) {
            return v.value().toString();
        }
        if (this instanceof Invalid i) {
            return i.raw();
        }
        return null;
    }
}
