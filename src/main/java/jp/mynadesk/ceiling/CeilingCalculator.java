package jp.mynadesk.ceiling;

import java.util.ArrayList;
import java.util.List;

/** Computes the monthly ceiling from a table (docs/RULES.md §7). Pure. */
public final class CeilingCalculator {
    private CeilingCalculator() {}

    public static CeilingResult compute(CeilingTable table, CeilingRequest r) throws CeilingException {
        ClassLimits limits = table.classes().get(r.ceilingClass());
        if (limits == null) {
            throw new CeilingException("表 " + table.id() + " に区分 " + r.ceilingClass() + " がありません。");
        }
        List<String> notes = new ArrayList<>();
        List<String> provisional = new ArrayList<>();
        boolean halve = r.birthDate() != null && BirthdayMonth.halves(r.birthDate(), r.date());

        Figure figure;
        boolean manyApplied = false;
        Figure annual = null;
        Figure annualLow = null;
        if (r.specifiedDisease() || r.dialysis()) {
            boolean high = r.dialysis() && table.dialysisHighIncomeClasses().contains(r.ceilingClass());
            figure = high ? table.dialysisHighIncome() : table.specifiedDisease();
            notes.add("特定疾病療養受療証: 医療機関ごと・入院と外来は別々に" + (high ? "（人工透析・区分ア/イの70歳未満）" : ""));
        } else if (r.scope() == Scope.OUTPATIENT) {
            if (limits.outpatient() == null) {
                throw new CeilingException("区分 " + r.ceilingClass() + "（" + r.ceilingClass().label()
                        + "）には外来（個人ごと）の上限がありません（表 " + table.id() + "）。外来の上限があるのは 70 歳以上の一般・低所得の区分"
                        + "（B04, B05, B06, B07, B08, B09, B10）です。--scope household で世帯の上限を計算してください。");
            }
            figure = limits.outpatient();
            annual = limits.outpatientAnnual();
            if (r.many()) {
                notes.add("外来（個人ごと）の上限には多数回該当はありません");
            }
        } else {
            figure = limits.household();
            annual = limits.annual();
            annualLow = limits.annualLowIncome();
            if (r.many()) {
                if (limits.many() != null) {
                    figure = limits.many();
                    manyApplied = true;
                    notes.add("多数回該当（直近12か月で4回目以降）");
                } else {
                    notes.add("この区分には多数回該当の額がないため通常の上限です");
                }
            }
        }

        Amount amount = figure.amount();
        if (halve) {
            amount = amount.halved();
            notes.add("75歳到達月の特例: 上限額は半額");
        }
        if (figure.provisional()) {
            provisional.add("monthlyLimit");
        }
        long limit;
        String formula;
        if (amount instanceof Amount.OnePercent p) {
            if (r.total() == null) {
                throw new CeilingException("区分 " + r.ceilingClass() + " の上限は総医療費の1%を加える式です。--total に総医療費（10割、円）を指定してください。");
            }
            long over = r.total() - p.threshold();
            if (over > 0) {
                limit = p.base() + (over + 50) / 100; // the 1% part, rounded to the yen, half up
                formula = p.base() + " + (" + r.total() + " - " + p.threshold() + ") × 1%";
            } else {
                limit = p.base();
                formula = String.valueOf(p.base());
                notes.add("総医療費が " + p.threshold() + " 円以下のため1%の加算はありません");
            }
        } else {
            limit = ((Amount.Flat) amount).yen();
            formula = String.valueOf(limit);
        }
        Long annualYen = annual == null ? null : flat(annual);
        Long annualLowYen = annualLow == null ? null : flat(annualLow);
        if (annual != null && annual.provisional()) {
            provisional.add("annualLimit");
        }
        if (annualLow != null && annualLow.provisional()) {
            provisional.add("annualLimitLowIncome");
        }
        return new CeilingResult(r.ceilingClass(), table.id(), r.specifiedDisease() || r.dialysis() ? Scope.HOUSEHOLD : r.scope(),
                limit, formula, manyApplied, annualYen, annualLowYen, provisional, notes);
    }

    /** Annual caps are not halved: the 75th-birthday rule is about the month. */
    private static long flat(Figure f) {
        return ((Amount.Flat) f.amount()).yen();
    }
}
