package jp.mynadesk.screen;

import java.io.PrintWriter;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.text.SafeText;

/** A visit as the Japanese lines staff read (check, desk, demo). */
public final class VisitText {
    private VisitText() {}

    /** A recorded visit: what was decided, then its number. */
    public static void print(PrintWriter out, Visit v) {
        decision(out, v);
        out.println(StaffText.recorded(v.visitId()));
    }

    /** What the check decided (outcome, insurance, consent), recorded or not yet. */
    public static void decision(PrintWriter out, Visit v) {
        out.println("結果: " + StaffText.outcome(v.outcome()) + "（" + StaffText.route(v.route()) + "）");
        if (v.reason() != null) {
            out.println("理由: " + StaffText.message(v.reason()));
            out.println("次に: " + v.reason().code().next());
        }
        StaffText.lines(v.warnings()).forEach(out::println);
        Qualification q = v.qualification();
        if (q != null) {
            out.println("  氏名: " + nz(q.name()) + (q.birthDate() == null ? "" : "　生年月日: " + q.birthDate()));
            out.println("  保険者: " + nz(q.insurerNumber()) + " " + nz(q.insurerName()) + "　記号 " + nz(q.symbol())
                    + "　番号 " + nz(q.number()) + "　枝番 " + nz(q.branch()));
            out.println("  負担割合: " + StaffText.ratio(q.ratio())
                    + (q.limitClass() == null ? "" : "　限度額適用区分: " + q.limitClass()));
        }
        if (v.consent() != null) {
            StringBuilder sb = new StringBuilder("  情報提供の同意: ");
            for (SharingCategory c : SharingCategory.values()) {
                sb.append(c.label()).append(Boolean.TRUE.equals(v.consent().categories().get(c)) ? "○ " : "× ");
            }
            if (v.consent().registered() && v.consent().availableUntil() != null) {
                sb.append("（閲覧期限 ").append(v.consent().availableUntil().toLocalDateTime().toString().replace('T', ' ')).append("）");
            } else if (!v.consent().registered()) {
                sb.append("（サービスに登録できませんでした）");
            }
            out.println(sb);
        }
        if (v.recheckState() != RecheckState.NONE) {
            out.println("  " + StaffText.recheckState(v.recheckState()));
        }
    }

    /** A value from the card, the service or a document, on one line whatever it holds (no control or bidi characters). */
    private static String nz(String s) {
        return s == null ? "" : SafeText.line(s);
    }
}
