package jp.mynadesk.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * A date field as it was printed or typed. An impossible date is kept (not thrown away) because the rules
 * report it as {@code bad-format} instead of refusing the whole input.
 */
public sealed interface EnteredDate {
    DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    record Absent() implements EnteredDate {}

    record Valid(LocalDate value) implements EnteredDate {}

    record Invalid(String raw) implements EnteredDate {}

    EnteredDate ABSENT = new Absent();

    static EnteredDate of(LocalDate date) {
        return date == null ? ABSENT : new Valid(date);
    }

    /** Parses {@code YYYY-MM-DD} strictly (2025-02-29 is invalid); null is absent. */
    static EnteredDate parse(String raw) {
        if (raw == null) {
            return ABSENT;
        }
        try {
            return new Valid(LocalDate.parse(raw, ISO_STRICT));
        } catch (DateTimeParseException e) {
            return new Invalid(raw);
        }
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
