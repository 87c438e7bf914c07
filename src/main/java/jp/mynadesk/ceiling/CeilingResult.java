package jp.mynadesk.ceiling;

import java.util.List;

/**
 * The computed ceiling. {@code formula} shows the arithmetic as staff would check it; {@code annualLimit} and
 * {@code annualLimitLowIncome} are null where the table has none; {@code provisionalFigures} names the figures
 * used that are not confirmed; {@code notes} are the adjustments applied, in Japanese.
 */
public record CeilingResult(CeilingClass ceilingClass, String table, Scope scope, long monthlyLimit, String formula,
        boolean manyApplied, Long annualLimit, Long annualLimitLowIncome, List<String> provisionalFigures, List<String> notes) {

    public CeilingResult {
        provisionalFigures = List.copyOf(provisionalFigures);
        notes = List.copyOf(notes);
    }

    public boolean provisional() {
        return !provisionalFigures.isEmpty();
    }
}
