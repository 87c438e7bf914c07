package jp.mynadesk.ceiling;

import java.time.LocalDate;

/**
 * What to compute: the class, the month's total medical cost (10割; null when only flat limits are wanted), the
 * date of the medical month, and the adjustments. {@code birthDate} is optional and only used for the month of
 * the 75th birthday.
 */
public record CeilingRequest(CeilingClass ceilingClass, Long total, LocalDate date, boolean many, Scope scope,
        boolean specifiedDisease, boolean dialysis, LocalDate birthDate) {

    public static CeilingRequest of(CeilingClass c, long total, LocalDate date) {
        return new CeilingRequest(c, total, date, false, Scope.HOUSEHOLD, false, false, null);
    }
}
