package jp.mynadesk.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.text.SafeText;

/** What the decision means for reception staff, in Japanese, ending with the next step. */
public final class DecisionMessages {
    private DecisionMessages() {}

    /** The one-paragraph {@code message}: the decision, then what to do next. */
    public static String message(FallbackDecision d) {
        StringBuilder sb = new StringBuilder(headline(d));
        if (d.decision() != Decision.REJECT) {
            if (d.recheck()) {
                sb.append("オンライン復旧後に再照会します。");
            } else if (d.onlineQuery() && d.basis() != Basis.INTERIM_ONLINE) {
                sb.append("記号・番号でオンライン資格確認（照会）を行ってください。");
            }
        }
        hints(d).forEach(sb::append);
        return sb.toString();
    }

    private static String headline(FallbackDecision d) {
        return switch (d.decision()) {
            case ACCEPT -> acceptHeadline(d.basis(), d.accepted().document());
            case ACCEPT_WITH_DECLARATION -> "使える書類がありません。被保険者資格申立書をお渡しし、記入していただいて受付してください。"
                    + (d.claim() == Claim.DECLARED
                            ? "請求は申立てのあった資格（保険者番号 " + d.insurance().insurerNumber() + "）で行います。"
                            : "保険者が確認できないため不詳請求になります。");
            case REJECT -> "保険診療として受付できません。いったん医療費の全額（10割）をお支払いいただき、"
                    + "後日ご加入の保険者に療養費を請求していただくようご説明ください。";
        };
    }

    private static String acceptHeadline(Basis basis, PresentedDocument doc) {
        return switch (basis) {
            case KAKUNINSHO -> "資格確認書（有効期限 " + doc.validUntil().text() + "）で受付できます。";
            case NOTICE_WITH_CARD -> "マイナ保険証と資格情報のお知らせで受付できます。";
            case PORTAL_WITH_CARD -> "マイナ保険証とマイナポータルの資格情報画面で受付できます。";
            case OLD_CARD -> "健康保険証で受付できます（使えるのは" + japaneseDate(Timeline.OLD_CARD_LAST_DAY.day()) + "まで）。";
            case INTERIM_ONLINE -> "暫定的な取扱い（" + japaneseDate(Timeline.INTERIM_LAST_DAY.day()) + "まで）として、" + doc.kind().label()
                    + "の記号・番号をオンライン資格確認で確かめてから受付してください。";
            case DECLARATION -> throw new IllegalStateException("not a document basis");
        };
    }

    private static String japaneseDate(java.time.LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Next steps that could change the outcome or that the patient should hear about. */
    static List<String> hints(FallbackDecision d) {
        List<String> hints = new ArrayList<>();
        CardJudgement card = d.card();
        boolean usesCard = d.decision() == Decision.ACCEPT_WITH_DECLARATION
                || d.basis() == Basis.NOTICE_WITH_CARD || d.basis() == Basis.PORTAL_WITH_CARD;
        if (d.decision() != Decision.ACCEPT) {
            if (reasonSeen(d, Reason.BAD_CHECK_DIGIT)) {
                hints.add("保険者番号の検証番号が合わない書類があります。読み取りの誤りかもしれないので、もう一度読み取るか番号を確かめて入力し直してください。");
            }
            if (reasonSeen(d, Reason.BAD_FORMAT)) {
                hints.add("読み取れない項目や形式の誤りがある書類があります。もう一度読み取るか、書類を見て入力し直してください。");
            }
            if (reasonSeen(d, Reason.NEEDS_CARD)) {
                hints.add("資格情報のお知らせ・マイナポータルの画面は単独では使えません。マイナ保険証（マイナンバーカード）をお持ちか確認してください。");
            }
            if (!card.presented() && d.documents().isEmpty()) {
                hints.add("マイナ保険証か資格確認書をお持ちか確認してください。");
            }
        }
        if (card.reasons().contains(Reason.CARD_CERTIFICATE_EXPIRED)) {
            hints.add("カードの電子証明書は有効期限（" + card.certificateNotAfter() + "、猶予は " + card.graceUntil()
                    + " まで）を過ぎています。市区町村での更新と、保険者への資格確認書の申請をご案内ください。");
        } else if (usesCard && card.inGrace()) {
            hints.add("カードの電子証明書は有効期限切れの猶予期間中（" + card.graceUntil()
                    + " まで）です。資格情報のみ確認でき、薬剤情報などは共有されません。更新をご案内ください。");
        } else if (usesCard && card.renewalDue()) {
            hints.add("カードの電子証明書の有効期限（" + card.certificateNotAfter() + "）が近づいています。更新をご案内ください。");
        }
        return hints;
    }

    private static boolean reasonSeen(FallbackDecision d, Reason r) {
        return d.documents().stream().anyMatch(j -> j.reasons().contains(r));
    }

    /** The human-readable report of {@code docs check}. */
    public static List<String> report(FallbackDecision d) {
        List<String> lines = new ArrayList<>();
        lines.add("判定: " + switch (d.decision()) {
            case ACCEPT -> "受付可（" + basisLabel(d.basis()) + "）";
            case ACCEPT_WITH_DECLARATION -> "被保険者資格申立書で受付";
            case REJECT -> "保険診療の受付不可（10割負担・療養費払い）";
        } + "　判定日 " + d.asOf() + (d.onlineAvailable() ? "　オンライン資格確認: 利用可" : "　オンライン資格確認: 利用不可"));
        if (d.insurance() != null) {
            InsuranceNumbers i = d.insurance();
            lines.add("保険者番号 " + SafeText.line(i.insurerNumber()) + "　記号 " + SafeText.line(dash(i.symbol())) + "　番号 "
                    + SafeText.line(i.number()) + "　枝番 " + SafeText.line(dash(i.branch())));
        }
        if (d.claim() != null) {
            lines.add("請求: " + switch (d.claim()) {
                case NORMAL -> "通常どおり";
                case DECLARED -> "申立てによる資格で請求";
                case UNKNOWN_INSURER -> "不詳請求";
            } + (d.recheck() ? "　※オンライン復旧後に再照会" : "") + (d.onlineQuery() ? "　※今すぐオンライン照会" : ""));
        }
        CardJudgement c = d.card();
        lines.add("マイナ保険証: " + (!c.presented() ? "提示なし" : c.usable() ? "使用可" + (c.inGrace() ? "（猶予期間中）" : "")
                : "使用不可（" + labels(c.reasons()) + "）"));
        for (DocumentJudgement j : d.documents()) {
            DocumentKind kind = j.document().kind();
            String status = j.usable()
                    ? (j.basis() == Basis.INTERIM_ONLINE ? "暫定的な取扱いで使用可（" + labels(j.reasons()) + "）" : "使用可")
                    : "使用不可（" + labels(j.reasons()) + "）";
            lines.add("書類" + (j.index() + 1) + " " + kind.label() + ": " + status
                    + (d.acceptedDocument() != null && d.acceptedDocument() == j.index() ? "　← これで受付" : ""));
            if (j.reasons().contains(Reason.BAD_FORMAT)) {
                FormatProblems.of(j.document()).forEach(p -> lines.add("　documents[" + j.index() + "]." + p.field() + ": " + p.message()));
            }
        }
        lines.add("→ " + message(d));
        return lines;
    }

    private static String basisLabel(Basis b) {
        return switch (b) {
            case KAKUNINSHO -> "資格確認書";
            case NOTICE_WITH_CARD -> "マイナ保険証＋資格情報のお知らせ";
            case PORTAL_WITH_CARD -> "マイナ保険証＋マイナポータル画面";
            case OLD_CARD -> "健康保険証";
            case INTERIM_ONLINE -> "暫定的な取扱い・オンライン確認";
            case DECLARATION -> "被保険者資格申立書";
        };
    }

    private static String labels(List<Reason> reasons) {
        return reasons.stream().map(Reason::label).collect(Collectors.joining("、"));
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
