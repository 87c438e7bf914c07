package jp.mynadesk.cli;

import java.time.LocalDate;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.rules.DocumentEntry;
import jp.mynadesk.rules.FieldCheck;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every date option of every command ({@code --as-of}, {@code --birth-date}, …): YYYY-MM-DD or 和暦 such as
 * 令和8年4月1日, full-width digits allowed. Main registers it for {@link LocalDate} on the whole command tree, so a new
 * command's {@code LocalDate} option gets it without doing anything. An impossible date (2026-02-30) is refused
 * with a plain Japanese message; Main adds the option name.
 */
public final class JapaneseDateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        LocalDate day = DocumentEntry.day(value);
        if (day != null) {
            return day;
        }
        FieldCheck check = DocumentEntry.date(value, true);
        throw new TypeConversionException(check instanceof FieldCheck.Rejected r ? StaffText.entry(r.note())
                : "日付を指定してください（例: 2026-04-01 または 令和8年4月1日）。");
    }
}
