package jp.mynadesk.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The moment a desk command acts as if it were: {@code 2026-12-01T09:30:00+09:00}, {@code 2026-12-01T09:30}
 * (Japan time), or a date alone, which means 09:00 Japan time that day (when clinics open).
 */
public record AsOf(Instant instant) {
    static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    public static AsOf parse(String text) {
        String t = text.strip();
        try {
            if (t.length() <= 10) {
                return new AsOf(LocalDate.parse(t).atTime(9, 0).atZone(JST).toInstant());
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return new AsOf(OffsetDateTime.parse(t).toInstant());
            }
            return new AsOf(LocalDateTime.parse(t).atZone(JST).toInstant());
        } catch (DateTimeException e) {
            throw new TypeConversionException("日時は 2026-12-01、2026-12-01T09:30 または 2026-12-01T09:30:00+09:00 の形で、"
                    + "実在する日時を指定してください。");
        }
    }

    /** Picocli converter for {@code --as-of}. */
    public static final class Converter implements ITypeConverter<AsOf> {
        @Override
        public AsOf convert(String value) {
            return parse(value);
        }
    }
}
