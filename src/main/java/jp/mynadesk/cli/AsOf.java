package jp.mynadesk.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.format.Dates;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The moment a desk command acts as if it were: {@code 2026-12-01T09:30:00+09:00}, {@code 2026-12-01T09:30}
 * (Japan time), or a day alone ({@code 2026-12-01}, {@code 令和8年12月1日}), which means 09:00 Japan time that day
 * (when clinics open).
 */
public record AsOf(Instant instant) {
    /** A fixed +09:00 (docs/RULES.md §8): never Asia/Tokyo's local mean time +09:18:59 or its 1948–1951 summer time. */
    static final ZoneId JST = Dates.JST;

    public static AsOf parse(String text) {
        String t = text.strip();
        if (!t.contains("T")) {
            // A day alone, in any form the date options take (2026-12-01, 令和8年12月1日, full-width digits).
            return new AsOf(new JapaneseDateConverter().convert(t).atTime(9, 0).atZone(JST).toInstant());
        }
        Instant at;
        try {
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                at = OffsetDateTime.parse(t).toInstant();
            } else {
                at = LocalDateTime.parse(t).atZone(JST).toInstant();
            }
        } catch (DateTimeException e) {
            throw new TypeConversionException("日時は 2026-12-01、2026-12-01T09:30 または 2026-12-01T09:30:00+09:00 の形で、"
                    + "実在する日時を指定してください。");
        }
        if (!Dates.inRange(at.atOffset(Dates.JST).toLocalDate())) {
            throw new TypeConversionException(StaffText.outOfRange(t));
        }
        return new AsOf(at);
    }

    /** Picocli converter for {@code --as-of}. */
    public static final class Converter implements ITypeConverter<AsOf> {
        @Override
        public AsOf convert(String value) {
            return parse(value);
        }
    }
}
