package jp.mynadesk.ceiling;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 75歳到達月の特例: in the month someone turns 75 they move into 後期高齢者医療 mid-month, so both schemes' limits
 * are halved. Someone born on the 1st moves on the 1st and has a whole month in one scheme: no halving (as the
 * 施行令 has it; docs/CEILING.md §3).
 */
public final class BirthdayMonth {
    private BirthdayMonth() {}

    public static boolean halves(LocalDate birthDate, LocalDate date) {
        LocalDate seventyFifth = birthDate.plusYears(75);
        return YearMonth.from(seventyFifth).equals(YearMonth.from(date)) && seventyFifth.getDayOfMonth() != 1;
    }
}
