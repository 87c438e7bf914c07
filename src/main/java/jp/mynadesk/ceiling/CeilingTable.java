package jp.mynadesk.ceiling;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** One effective period's table. {@code validTo} null: open-ended. */
public record CeilingTable(String id, LocalDate validFrom, LocalDate validTo, String status, Map<CeilingClass, ClassLimits> classes,
        Figure specifiedDisease, Figure dialysisHighIncome, Set<CeilingClass> dialysisHighIncomeClasses) {

    public CeilingTable {
        classes = Map.copyOf(classes);
        dialysisHighIncomeClasses = Set.copyOf(dialysisHighIncomeClasses);
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public String period() {
        return id + "（" + validFrom + " 〜 " + (validTo == null ? "" : validTo) + "）";
    }
}
