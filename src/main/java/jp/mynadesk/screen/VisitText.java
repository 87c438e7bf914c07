package jp.mynadesk.screen;

import java.io.PrintWriter;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.CardProof;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RatioGuide;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.text.SafeText;

/** A visit as the Japanese lines staff read (check, desk, demo): no codes, no English. */
public final class VisitText {
    private VisitText() {}

    /** A recorded visit: what was decided, then its number. */
    public static void print(PrintWriter out, Visit v) {
        decision(out, v);
        out.println(StaffText.recorded(v.visitId()));
    }

    /** What the check decided (outcome, insurance, consent), recorded or not yet. */
    public static void decision(PrintWriter out, Visit v) {
        out.println("結果: " + StaffText.outcome(v.outcome()) + "（" + StaffText.route(v) + "）");
        if (v.reason() != null) {
            out.println("理由: " + StaffText.message(v.reason()));
            out.println("次に: " + StaffText.next(v.reason()));
        }
        StaffText.lines(v.warnings()).forEach(out::println);
        Qualification q = v.qualification();
        if (q != null) {
            out.println("  氏名: " + nz(q.name()) + (q.birthDate() == null ? "" : "　生年月日: " + q.birthDate()));
            out.println("  保険者: " + nz(q.insurerNumber()) + " " + nz(q.insurerName()) + "　記号 " + nz(q.symbol())
                    + "　番号 " + nz(q.number()) + "　枝番 " + nz(q.branch()));
            out.println("  負担割合: " + StaffText.ratio(q.ratio())
                    + (q.limitClass() == null ? "" : "　限度額適用区分: " + StaffText.limitClass(q.limitClass())));
            if (q.ratio() == null && v.outcome() != Outcome.REJECTED && v.outcome() != Outcome.STOPPED) {
                String guide = RatioGuide.of(q.birthDate() != null ? q.birthDate()
                        : v.patient() == null ? null : v.patient().birthDate(), q.insurerNumber(), v.asOf().toLocalDate());
                if (guide != null) {
                    out.println("  　" + guide);
                }
            }
        } else if (v.patient() != null && v.patient().name() != null) {
            out.println("  氏名: " + v.patient().name()
                    + (v.patient().birthDate() == null ? "" : "　生年月日: " + v.patient().birthDate()));
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
        if (v.card() != null) {
            out.println("  " + cardLine(v.card()));
        }
        if (v.recheckState() != RecheckState.NONE) {
            out.println("  " + StaffText.recheckState(v.recheckState()));
        }
    }

    /** The patient's name as the visit knows it (the insurance's, else what the document or 申立書 said), or null. */
    public static String name(Visit v) {
        return StaffText.patientName(v);
    }

    /** One line of a day's list: number, time, outcome, name, why (in words), re-check state. */
    public static String row(Visit v) {
        String name = name(v);
        return v.visitId() + "  " + v.asOf().toLocalTime() + "  " + StaffText.outcome(v.outcome())
                + "（" + StaffText.route(v) + "）  " + (name == null ? "（氏名なし）" : SafeText.line(name))
                + (v.reason() == null ? "" : "  " + StaffText.message(v.reason()))
                + (v.recheckState() == RecheckState.NONE ? "" : "  " + StaffText.recheckState(v.recheckState()));
    }

    /** A document as read (a QR code, a file), field by field, before staff use it. */
    public static void document(PrintWriter out, PresentedDocument d) {
        out.println("  書類: " + d.kind().label() + (d.insurerName() == null ? "" : "（" + d.insurerName() + "）"));
        out.println("  保険者番号 " + nz(d.insurerNumber()) + "　記号 " + nz(d.symbol()) + "　番号 " + nz(d.number())
                + "　枝番 " + nz(d.branch()));
        out.println("  氏名 " + nz(d.name()) + "　生年月日 " + date(d.birthDate()) + "　性別 "
                + (d.sex() == null ? "－" : d.sex().label()));
        out.println("  交付年月日 " + date(d.issuedOn()) + "　有効期限 " + date(d.validUntil())
                + (d.lostOn().isAbsent() ? "" : "　資格喪失日 " + date(d.lostOn())));
        out.flush();
    }

    private static String date(EnteredDate d) {
        return d.isAbsent() ? "－" : d.date().map(Object::toString).orElse(d.text() + "（日付として読めません）");
    }

    /** How the card proved itself, as staff read it (docs/DESK.md "The card's proof"). */
    public static String cardLine(CardProof c) {
        String verified = switch (c.verified()) {
            case PIN -> "暗証番号で本人確認";
            case VISUAL -> "目視で本人確認";
            case NONE -> "本人確認なし";
        };
        String certificate = switch (c.certificate()) {
            case VALID -> "有効";
            case EXPIRING -> "有効（期限が近い）";
            case IN_GRACE -> "期限切れ（猶予期間中）";
            case EXPIRED -> "期限切れ";
            case UNTRUSTED -> "確認できません";
        };
        String revocation = switch (c.revocation()) {
            case GOOD -> "失効なし";
            case REVOKED -> "失効しています";
            case UNKNOWN -> "失効の確認はできていません（オンライン資格確認なし）";
        };
        return "カード: " + verified + "・電子証明書 " + certificate + "・" + revocation;
    }

    /** A value from the card, the service or a document, on one line whatever it holds (no control or bidi characters). */
    private static String nz(String s) {
        return s == null ? "" : SafeText.line(s);
    }
}
