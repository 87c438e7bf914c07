package jp.mynadesk.ceiling;

/**
 * The limits of one class in one table. Null where the table has none: {@code many} (多数回該当),
 * {@code outpatient} (70+ individual outpatient limit) and its {@code outpatientAnnual} cap, the household
 * {@code annual} cap (new in 2026-08) and its {@code annualLowIncome} variant.
 */
public record ClassLimits(Figure household, Figure many, Figure outpatient, Figure outpatientAnnual, Figure annual,
        Figure annualLowIncome) {}
