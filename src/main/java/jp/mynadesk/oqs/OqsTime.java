package jp.mynadesk.oqs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** OQS date formats: {@code yyyyMMdd} and {@code yyyyMMddHHmmss}, in Japan time. */
public final class OqsTime {
    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private OqsTime() {}

    public static String date(LocalDate day) {
        return day == null ? null : DATE.format(day);
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(JST));
    }

    /** A real calendar date written yyyyMMdd, else empty. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<Instant> parseTimestamp(String text) {
        if (text == null || text.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, TIME).atZone(JST).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
