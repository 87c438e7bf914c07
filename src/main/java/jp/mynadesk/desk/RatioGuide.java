package jp.mynadesk.desk;

import java.time.LocalDate;
import java.time.Period;

/**
 * What a reception clerk can go by when the 負担割合 is not known (a document accepted without the service, a 申立書):
 * the rule-based ratio by age and scheme, with its basis (docs/RULES.md §6). Only guidance: the re-check brings the
 * service's ratio, and a difference is reported then ({@code ratio-differs}).
 */
public final class RatioGuide {
    private RatioGuide() {}

    /**
     * The guidance line, or null when the birth date is not known.
     *
     * @param insurerNumber the 保険者番号 the visit goes by (法別番号 39 is 後期高齢者医療), or null
     */
    public static String of(LocalDate birthDate, String insurerNumber, LocalDate today) {
        if (birthDate == null || birthDate.isAfter(today)) {
            return null;
        }
        int age = Period.between(birthDate, today).getYears();
        boolean kouki = insurerNumber != null && insurerNumber.length() == 8 && insurerNumber.startsWith("39");
        Band band = kouki || age >= 75 ? Band.KOUKI : age >= 70 ? Band.ELDERLY : preschool(birthDate, today) ? Band.PRESCHOOL
                : Band.WORKING_AGE;
        return StaffText.ratioGuide(band, age, kouki);
    }

    /** The age band the ratio goes by (docs/RULES.md §6). */
    public enum Band {
        /** 後期高齢者医療 (75 and over, or its 保険者番号): 1割, 2割 or 3割 by income. */
        KOUKI,
        /** 70–74, 高齢受給者: 2割, 3割 for 現役並み所得. */
        ELDERLY,
        /** 義務教育就学前: 2割. */
        PRESCHOOL,
        /** From school age to 69: 3割. */
        WORKING_AGE
    }

    /**
     * 義務教育就学前: until the first 31 March after the 6th birthday. An age is reached the day before the birthday
     * (年齢計算ニ関スル法律), so a child born on 1 April starts school a year earlier than one born on 2 April.
     */
    static boolean preschool(LocalDate birthDate, LocalDate today) {
        LocalDate sixth = birthDate.plusYears(6).minusDays(1);
        LocalDate lastDay = LocalDate.of(sixth.getMonthValue() <= 3 ? sixth.getYear() : sixth.getYear() + 1, 3, 31);
        return !today.isAfter(lastDay);
    }
}
