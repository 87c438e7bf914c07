package jp.mynadesk.ceiling;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * When the service gives no 限度額適用区分, infer one from the co-payment ratio and age (docs/RULES.md §6/§7).
 * 70+ with 1割/2割 is 一般 (B10/B09 for 後期, B04 for 70–74); 70+ with 3割 is 現役並みⅢ, because 現役並みⅠ/Ⅱ
 * need the patient's 限度額適用認定証. Under 70 the ratio says nothing about income, so the highest class ア is
 * assumed: the clinic never under-collects, and the patient claims any difference from the insurer.
 */
public final class RatioFallback {
    private RatioFallback() {}

    /** {@code ratio} as OQS gives it ("010", "020", "030") or as a plain 1/2/3; empty if not a ratio. */
    public static Optional<CeilingClass> classFor(String ratio, LocalDate birthDate, LocalDate date) {
        Optional<Integer> tenths = tenths(ratio);
        if (tenths.isEmpty()) {
            return Optional.empty();
        }
        int age = Period.between(birthDate, date).getYears();
        if (age < 70) {
            return Optional.of(CeilingClass.A01);
        }
        return Optional.of(switch (tenths.get()) {
            case 3 -> CeilingClass.B01;
            case 2 -> age >= 75 ? CeilingClass.B09 : CeilingClass.B04;
            default -> age >= 75 ? CeilingClass.B10 : CeilingClass.B04;
        });
    }

    static Optional<Integer> tenths(String ratio) {
        if (ratio == null) {
            return Optional.empty();
        }
        return switch (ratio.strip()) {
            case "010", "1", "10", "10%" -> Optional.of(1);
            case "020", "2", "20", "20%" -> Optional.of(2);
            case "030", "3", "30", "30%" -> Optional.of(3);
            default -> Optional.empty();
        };
    }
}
