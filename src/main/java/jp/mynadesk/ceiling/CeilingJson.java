package jp.mynadesk.ceiling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import jp.mynadesk.format.JsonText;

/**
 * The output of {@code ceiling --json}: the contract fields of docs/RULES.md §7 first, then documented extras
 * ({@code provisional} and which figures are, the annual caps, the notes, where the class came from).
 */
public final class CeilingJson {
    private CeilingJson() {}

    public static ObjectNode write(CeilingResult r, LocalDate date, Long total, String classSource) {
        ObjectNode n = JsonText.object();
        n.put("class", r.ceilingClass().code());
        n.put("label", r.ceilingClass().label());
        n.put("table", r.table());
        n.put("scope", r.scope().code());
        n.put("monthlyLimit", r.monthlyLimit());
        n.put("formula", r.formula());
        n.put("date", date.toString());
        n.put("total", total);
        n.put("many", r.manyApplied());
        n.put("annualLimit", r.annualLimit());
        if (r.annualLimitLowIncome() != null) {
            n.put("annualLimitLowIncome", r.annualLimitLowIncome());
        }
        n.put("provisional", r.provisional());
        r.provisionalFigures().forEach(n.putArray("provisionalFigures")::add);
        n.put("classSource", classSource);
        r.notes().forEach(n.putArray("notes")::add);
        return n;
    }

    /** Staff-facing lines: the limit first, then how it was reached. */
    public static String human(CeilingResult r, LocalDate date, String classSource) {
        StringBuilder sb = new StringBuilder();
        sb.append("区分 ").append(r.ceilingClass().code()).append("（").append(r.ceilingClass().label()).append("）")
                .append(r.scope() == Scope.OUTPATIENT ? "の外来（個人ごと）" : "の世帯").append("の自己負担限度額: 月 ")
                .append(String.format("%,d", r.monthlyLimit())).append(" 円").append(r.provisional() && r.provisionalFigures().contains("monthlyLimit") ? "（暫定値）" : "")
                .append(System.lineSeparator());
        sb.append("計算式: ").append(r.formula()).append("　適用表: ").append(r.table()).append("（診療月 ").append(date).append("）")
                .append(System.lineSeparator());
        if (classSource.equals("ratio")) {
            sb.append("※ 限度額適用区分が分からないため、負担割合と年齢から区分を推定しました。認定証や照会結果で区分が分かれば計算し直してください。")
                    .append(System.lineSeparator());
        }
        if (r.annualLimit() != null) {
            sb.append("年間上限: ").append(String.format("%,d", r.annualLimit())).append(" 円")
                    .append(r.provisionalFigures().contains("annualLimit") ? "（暫定値）" : "");
            if (r.annualLimitLowIncome() != null) {
                sb.append("（低所得の場合 ").append(String.format("%,d", r.annualLimitLowIncome())).append(" 円")
                        .append(r.provisionalFigures().contains("annualLimitLowIncome") ? "・暫定値、未確認" : "").append("）");
            }
            sb.append(System.lineSeparator());
        }
        r.notes().forEach(note -> sb.append("・").append(note).append(System.lineSeparator()));
        return sb.toString();
    }
}
