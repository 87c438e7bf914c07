package jp.mynadesk.desk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.format.Dates;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.format.Wareki;
import jp.mynadesk.rules.Basis;
import jp.mynadesk.rules.CardJudgement;
import jp.mynadesk.rules.Claim;
import jp.mynadesk.rules.Decision;
import jp.mynadesk.rules.DocumentJudgement;
import jp.mynadesk.rules.EntryNote;
import jp.mynadesk.rules.FallbackDecision;
import jp.mynadesk.rules.FormatProblems;
import jp.mynadesk.rules.InsuranceNumbers;
import jp.mynadesk.rules.Timeline;
import jp.mynadesk.text.SafeText;

/**
 * The one catalogue of staff wording that every renderer (terminal, {@code check}, web, scenarios) uses, keyed by
 * code: the lower layers ({@code rules}, {@code reader}, {@code card}, {@code oqs}) and the desk's own state return
 * codes, enums and sealed records only, and every sentence staff or the patient read is made here. Switches over
 * the codes have no {@code default}, so a new code does not compile until it has its wording (StaffTextTest checks
 * every code has a sentence and a next step; StaffWordingSourceTest that no screen writes its own).
 *
 * <p>One class rather than a {@code ResourceBundle}: the wording is in one language, many sentences take typed
 * parts (tries left, a date, the institution), and an exhaustive switch makes a missing sentence a compile error,
 * where a bundle would find a missing key only at run time.
 */
public final class StaffText {
    private StaffText() {}

    /** The reason's sentence, with the tries left where the card said them. */
    public static String message(Reason r) {
        if (r.sentence() != null) {
            return r.sentence();
        }
        if (r.reader() != null) {
            return message(r.reader());
        }
        return r.triesLeft() == null || r.code() != ReasonCode.WRONG_PIN ? message(r.code())
                : withTries(message(r.code()), r.triesLeft());
    }

    // --- reasons and warnings, by code (docs/DESK.md, reason codes) ---------------------------------------------

    /** What happened, in Japanese for reception staff. */
    public static String message(ReasonCode code) {
        return switch (code) {
            case CARD_REMOVED -> "確認の途中でカードが取り外されました。";
            case READER_UNAVAILABLE -> "カードリーダーを使えません。";
            case NOT_JPKI_CARD -> "マイナンバーカードとして読み取れませんでした。";
            case WRONG_PIN -> "暗証番号が違います。";
            case PIN_FORMAT -> "暗証番号は数字4桁です（カードには送っていないので、回数は減っていません）。";
            case PIN_LAST_TRY -> "暗証番号の残りはあと1回です。次に間違えるとロックされます。";
            case PIN_BLOCKED -> "暗証番号がロックされています。";
            case PIN_NOT_SET -> "このカードには暗証番号が設定されていません（顔認証マイナンバーカード）。";
            case CERTIFICATE_EXPIRING -> "電子証明書の有効期限が3か月以内に切れます。";
            case CERTIFICATE_IN_GRACE -> "電子証明書の有効期限が切れています（猶予期間中）。資格確認だけ行い、診療・薬剤情報の提供はできません。";
            case CERTIFICATE_EXPIRED -> "電子証明書の有効期限が猶予期間を含めて過ぎています。";
            case PHONE_CERTIFICATE_EXPIRED -> "スマートフォンの電子証明書は有効期限が切れています（スマートフォンには期限後の猶予期間がありません）。";
            case SUBSIDY_NOT_ANSWERED -> "「医療費助成の受給者証を利用しますか」に答えがありません。";
            case NAME_UNSHOWN_CHARACTERS -> "氏名の●は、オンライン資格確認で表示できない文字（外字・異体字）です。資格の確認に問題はありません。";
            case CERTIFICATE_REVOKED -> "電子証明書が失効しています。";
            case CERTIFICATE_UNTRUSTED -> "電子証明書を確認できません（発行元・用途・署名・形式のいずれかが不正）。";
            case CARD_NOT_REGISTERED -> "このマイナンバーカードは健康保険証として登録されていません。";
            case SERVICE_OFFLINE -> "オンライン資格確認に接続できません。";
            case SERVICE_REJECTED -> "オンライン資格確認が照会を受け付けませんでした。";
            case QUALIFICATION_LOST -> "この資格は喪失しています。";
            case QUALIFICATION_LOST_HAS_OTHER -> "この資格は喪失していますが、別の資格があります。";
            case QUALIFICATION_NOT_FOUND -> "該当する資格が見つかりません。";
            case MULTIPLE_MATCHES -> "複数の資格が該当しました。";
            case BAD_FORMAT -> "書類の必要な項目が欠けているか、形式が正しくありません。";
            case BAD_CHECK_DIGIT -> "保険者番号の検証番号が合いません（読み取り誤りの可能性）。";
            case NOT_YET_VALID -> "書類がまだ有効になっていません。";
            case LOST -> "書類の資格は喪失しています。";
            case EXPIRED -> "書類の有効期限が切れています。";
            case OLD_CARD_ABOLISHED -> "健康保険証は2025年12月1日で使えなくなりました。";
            case NEEDS_CARD -> "資格情報のお知らせ・マイナポータルの画面は単独では使えません。";
            case SUPERSEDED -> "より新しい交付年月日の資格確認書があります。";
            case CARD_CERTIFICATE_EXPIRED -> "カードの電子証明書が有効期限（猶予期間を含む）を過ぎています。";
            case NO_USABLE_DOCUMENT -> "保険診療として受付できる書類がありません。";
            case CANCELLED -> "受付を取り消しました。";
            case RECORD_UNAVAILABLE -> "確認は済みましたが、結果を記録できませんでした。";
        };
    }

    /** What staff do now. */
    public static String next(ReasonCode code) {
        return switch (code) {
            case CARD_REMOVED -> "カードをもう一度置いて、やり直してください。";
            case READER_UNAVAILABLE -> "ケーブルとカードリーダーの管理サービスを確かめてください。すぐに直らなければ資格確認書などの書類で受付します。";
            case NOT_JPKI_CARD -> "カードの種類と向きを確かめてください。マイナ保険証でなければ資格確認書をお持ちか伺ってください。";
            case WRONG_PIN -> "患者さんにもう一度入力していただいてください。";
            case PIN_FORMAT -> "患者さんにもう一度入力していただいてください。";
            case PIN_LAST_TRY -> "自信がなければ目視確認モードに切り替えてください。";
            case PIN_BLOCKED -> "目視確認モードか資格確認書などの書類で受付してください。ロック解除は市区町村の窓口でできるとお伝えください。";
            case PIN_NOT_SET -> "目視確認モードで受付してください。";
            case CERTIFICATE_EXPIRING -> "市区町村の窓口で更新するよう患者さんにお伝えください。";
            case CERTIFICATE_IN_GRACE -> "市区町村の窓口で更新するよう患者さんにお伝えください。";
            case CERTIFICATE_EXPIRED -> "資格確認書をお持ちか伺ってください。更新は市区町村の窓口でできます。";
            case PHONE_CERTIFICATE_EXPIRED -> "マイナンバーカード本体をお持ちなら、カードで確認してください。なければ資格確認書などの書類で受付し、スマートフォンの電子証明書の再設定をご案内ください。";
            case SUBSIDY_NOT_ANSWERED -> "患者さんに「はい」か「いいえ」を選んでいただいてください。";
            case NAME_UNSHOWN_CHARACTERS -> "正しい字は券面やご本人に確かめてください。レセプトは●のままでも請求できます。";
            case CERTIFICATE_REVOKED -> "資格確認書をお持ちか伺ってください。";
            case CERTIFICATE_UNTRUSTED -> "このカードは使えません。資格確認書をお持ちか伺ってください。";
            case CARD_NOT_REGISTERED -> "今日は資格確認書などの書類で受付し、カードリーダーかマイナポータルで利用登録できるとお伝えください。";
            case SERVICE_OFFLINE -> "資格確認書などの書類で受付してください。復旧後に再照会します。";
            case SERVICE_REJECTED -> "表示されたコードを確かめ、入力を見直してください。続く場合は書類で受付します。";
            case QUALIFICATION_LOST -> "新しい資格確認書をお持ちか伺ってください。なければ被保険者資格申立書か自費で受付します。";
            case QUALIFICATION_LOST_HAS_OTHER -> "別の資格（新しい保険）で受付してください。";
            case QUALIFICATION_NOT_FOUND -> "記号・番号・生年月日を確かめて入力し直すか、書類で受付してください。";
            case MULTIPLE_MATCHES -> "枝番を確かめて照会し直してください。";
            case BAD_FORMAT -> "書類を見て入力し直してください。";
            case BAD_CHECK_DIGIT -> "もう一度読み取るか、番号を確かめて入力し直してください。";
            case NOT_YET_VALID -> "有効な書類をお持ちか伺ってください。";
            case LOST -> "新しい資格確認書をお持ちか伺ってください。";
            case EXPIRED -> "新しい資格確認書をお持ちか伺ってください。";
            case OLD_CARD_ABOLISHED -> "資格確認書かマイナ保険証をお持ちか伺ってください。";
            case NEEDS_CARD -> "マイナ保険証をお持ちか伺ってください。";
            case SUPERSEDED -> "新しいほうの資格確認書で受付してください。";
            case CARD_CERTIFICATE_EXPIRED -> "資格確認書をお持ちか伺ってください。";
            case NO_USABLE_DOCUMENT -> "いったん全額（10割）をお支払いいただき、後日保険者に療養費を請求していただくようご説明ください。";
            case CANCELLED -> "最初からやり直せます。";
            case RECORD_UNAVAILABLE -> "記録が使えるようになったら「もう一度記録する」を押してください。患者さんにもう一度確認していただく必要はありません。";
        };
    }

    /** What happened and what to do, as one line. */
    public static String messageAndNext(ReasonCode code) {
        return message(code) + next(code);
    }

    /** What staff do now for this reason: a reader problem's own step, and the way on if it is not fixed soon. */
    public static String next(Reason r) {
        if (r.reader() == null) {
            return next(r.code());
        }
        return r.code() == ReasonCode.READER_UNAVAILABLE ? next(r.reader()) + "すぐに直らなければ資格確認書などの書類で受付します。"
                : next(r.reader());
    }

    // --- reader problems (PC/SC), as the desk, doctor and the status line say them --------------------------------

    /** What happened at the reader; a card pulled out or unreadable is said as the desk's reason for it. */
    public static String message(jp.mynadesk.reader.PcscProblem p) {
        return switch (p) {
            case SERVICE_DOWN -> "カードリーダーの管理サービス（pcscd）が動いていません。";
            case NO_READERS -> "カードリーダーが見つかりません。";
            case READER_GONE -> "カードリーダーが取り外されました。";
            case CARD_REMOVED -> message(ReasonCode.CARD_REMOVED);
            case CARD_RESET -> "カードがリセットされました。";
            case SHARING_VIOLATION -> "カードリーダーが別のアプリで使用中です。";
            case TIMEOUT -> "カードリーダーの応答がありません。";
            case UNKNOWN_CARD -> message(ReasonCode.NOT_JPKI_CARD);
            case OTHER -> "カードリーダーでエラーが起きました。";
        };
    }

    /** What to do about a reader problem: the same step wherever it is shown. */
    public static String next(jp.mynadesk.reader.PcscProblem p) {
        return switch (p) {
            case SERVICE_DOWN -> "システム担当者に連絡してください。";
            case NO_READERS -> "カードリーダーのUSBケーブルを接続し直してください。";
            case READER_GONE -> "カードリーダーを接続し直してから、もう一度お試しください。";
            case CARD_REMOVED, CARD_RESET -> next(ReasonCode.CARD_REMOVED);
            case SHARING_VIOLATION -> "他の受付アプリを閉じてから、もう一度お試しください。";
            case TIMEOUT -> "カードを置き直して、もう一度お試しください。";
            case UNKNOWN_CARD -> next(ReasonCode.NOT_JPKI_CARD);
            case OTHER -> "カードを置き直して、それでも続く場合はシステム担当者に連絡してください。";
        };
    }

    /** A reader problem and its next step, as one line. */
    public static String messageAndNext(jp.mynadesk.reader.PcscProblem p) {
        return message(p) + next(p);
    }

    private static String withTries(String sentence, int triesLeft) {
        String stem = sentence.endsWith("。") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return stem + "（残り" + triesLeft + "回）。";
    }

    // --- the document rules' decision (docs check, the desk's offline fallback; docs/RULES.md §4) ------------------

    /** The one-paragraph {@code message}: the decision, then what to do next. */
    public static String decision(FallbackDecision d) {
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
    private static List<String> hints(FallbackDecision d) {
        List<String> hints = new ArrayList<>();
        CardJudgement card = d.card();
        boolean usesCard = d.decision() == Decision.ACCEPT_WITH_DECLARATION
                || d.basis() == Basis.NOTICE_WITH_CARD || d.basis() == Basis.PORTAL_WITH_CARD;
        if (d.decision() != Decision.ACCEPT) {
            if (reasonSeen(d, jp.mynadesk.rules.Reason.BAD_CHECK_DIGIT)) {
                hints.add("保険者番号の検証番号が合わない書類があります。読み取りの誤りかもしれないので、もう一度読み取るか番号を確かめて入力し直してください。");
            }
            if (reasonSeen(d, jp.mynadesk.rules.Reason.BAD_FORMAT)) {
                hints.add("読み取れない項目や形式の誤りがある書類があります。もう一度読み取るか、書類を見て入力し直してください。");
            }
            if (reasonSeen(d, jp.mynadesk.rules.Reason.NEEDS_CARD)) {
                hints.add("資格情報のお知らせ・マイナポータルの画面は単独では使えません。マイナ保険証（マイナンバーカード）をお持ちか確認してください。");
            }
            if (!card.presented() && d.documents().isEmpty()) {
                hints.add("マイナ保険証か資格確認書をお持ちか確認してください。");
            }
        }
        if (card.reasons().contains(jp.mynadesk.rules.Reason.CARD_CERTIFICATE_EXPIRED)) {
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

    private static boolean reasonSeen(FallbackDecision d, jp.mynadesk.rules.Reason r) {
        return d.documents().stream().anyMatch(j -> j.reasons().contains(r));
    }

    /** The human-readable report of {@code docs check}. */
    public static List<String> decisionReport(FallbackDecision d) {
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
            if (j.reasons().contains(jp.mynadesk.rules.Reason.BAD_FORMAT)) {
                FormatProblems.of(j.document()).forEach(p -> lines.add("　documents[" + j.index() + "]." + p.field() + ": " + entry(p.note())));
            }
        }
        lines.add("→ " + decision(d));
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

    private static String labels(List<jp.mynadesk.rules.Reason> reasons) {
        return reasons.stream().map(r -> stem(message(ReasonCode.of(r)))).collect(Collectors.joining("、"));
    }

    /** A sentence without its closing 。, to stand in a list. */
    private static String stem(String sentence) {
        return sentence.endsWith("。") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    // --- a visit as staff read it (check, desk, demo, visits): no codes, no English ---------------------------------

    /** What the check decided (outcome, why and what next, insurance, consent, the card's proof, re-check). */
    public static List<String> visitLines(Visit v) {
        List<String> out = new ArrayList<>();
        out.add("結果: " + outcome(v.outcome()) + "（" + route(v) + "）");
        if (v.reason() != null) {
            out.add("理由: " + message(v.reason()));
            out.add("次に: " + next(v.reason()));
        }
        out.addAll(lines(v.warnings()));
        Qualification q = v.qualification();
        if (q != null) {
            out.add("  氏名: " + safe(q.name()) + (q.birthDate() == null ? "" : "　生年月日: " + q.birthDate()));
            out.add("  保険者: " + safe(q.insurerNumber()) + " " + safe(q.insurerName()) + "　記号 " + safe(q.symbol())
                    + "　番号 " + safe(q.number()) + "　枝番 " + safe(q.branch()));
            out.add("  負担割合: " + ratio(q.ratio())
                    + (q.limitClass() == null ? "" : "　限度額適用区分: " + limitClass(q.limitClass())));
            if (q.ratio() == null && v.outcome() != Outcome.REJECTED && v.outcome() != Outcome.STOPPED) {
                String guide = RatioGuide.of(q.birthDate() != null ? q.birthDate()
                        : v.patient() == null ? null : v.patient().birthDate(), q.insurerNumber(), v.asOf().toLocalDate());
                if (guide != null) {
                    out.add("  　" + guide);
                }
            }
        } else if (v.patient() != null && v.patient().name() != null) {
            out.add("  氏名: " + v.patient().name()
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
            out.add(sb.toString());
        }
        if (v.subsidy() != null) {
            subsidyLines(v.subsidy()).forEach(line -> out.add("  " + line));
        }
        if (v.card() != null) {
            out.add("  " + cardLine(v.card()));
        }
        if (v.recheckState() != RecheckState.NONE) {
            out.add("  " + recheckState(v.recheckState()));
        }
        return out;
    }

    /** One line of a day's list: number, time, outcome, name, why (in words), re-check state. */
    public static String visitRow(Visit v) {
        String name = patientName(v);
        return v.visitId() + "  " + v.asOf().toLocalTime() + "  " + outcome(v.outcome())
                + "（" + route(v) + "）  " + (name == null ? "（氏名なし）" : SafeText.line(name))
                + (v.reason() == null ? "" : "  " + message(v.reason()))
                + (v.recheckState() == RecheckState.NONE ? "" : "  " + recheckState(v.recheckState()));
    }

    /** A document as read (a QR code, a file), field by field, before staff use it. */
    public static List<String> documentLines(PresentedDocument d) {
        List<String> out = new ArrayList<>();
        out.add("  書類: " + d.kind().label() + (d.insurerName() == null ? "" : "（" + d.insurerName() + "）"));
        out.add("  保険者番号 " + safe(d.insurerNumber()) + "　記号 " + safe(d.symbol()) + "　番号 " + safe(d.number())
                + "　枝番 " + safe(d.branch()));
        out.add("  氏名 " + safe(d.name()) + "　生年月日 " + date(d.birthDate()) + "　性別 "
                + (d.sex() == null ? "－" : d.sex().label()));
        out.add("  交付年月日 " + date(d.issuedOn()) + "　有効期限 " + date(d.validUntil())
                + (d.lostOn().isAbsent() ? "" : "　資格喪失日 " + date(d.lostOn())));
        return out;
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
    private static String safe(String s) {
        return s == null ? "" : SafeText.line(s);
    }

    /** No card on the reader when the check started (said under the code {@code card-removed}). */
    public static String noCard() {
        return "カードが置かれていません。";
    }

    public static String outcome(Outcome o) {
        return switch (o) {
            case CONFIRMED -> "資格を確認しました";
            case PROVISIONAL -> "書類で仮に受付しました（復旧後に再照会）";
            case DECLARED -> "被保険者資格申立書で受付しました（復旧後に再照会）";
            case REJECTED -> "保険診療として受付できません（10割負担）";
            case STOPPED -> "受付を完了できませんでした";
        };
    }

    public static String route(Route r) {
        return switch (r) {
            case CARD_PIN -> "マイナ保険証（暗証番号）";
            case CARD_VISUAL -> "マイナ保険証（目視確認）";
            case NUMBERS_ONLINE -> "資格確認書などの記号・番号でオンライン照会";
            case DOCUMENT_OFFLINE -> "書類（オンライン資格確認の障害中）";
            case DECLARATION -> "被保険者資格申立書";
        };
    }

    /**
     * The route as this visit took it: a document refused by the rules before any query keeps the route code
     * {@code numbers-online} (the service was up) but was never queried, and is not called an online query.
     */
    public static String route(Visit v) {
        if (v.route() == Route.NUMBERS_ONLINE && v.outcome() == Outcome.REJECTED) {
            return "資格確認書などの書類（書類の内容で判定。オンライン照会はしていません）";
        }
        return route(v.route());
    }

    public static String recheckState(RecheckState s) {
        return switch (s) {
            case NONE -> "";
            case PENDING -> "再照会待ち";
            case CONFIRMED -> "再照会で確認済み";
            case DISCREPANCY -> "再照会で相違あり";
        };
    }

    public static String finding(RecheckFinding.Kind k) {
        return switch (k) {
            case CONFIRMED -> "相違なし。そのまま請求できます。";
            case QUALIFICATION_LOST -> "資格を喪失していました。患者さんに加入中の保険を確認してください。";
            case QUALIFICATION_LOST_HAS_OTHER -> "資格を喪失していましたが、新しい資格があります。請求先を新しい保険者に直してください。";
            case QUALIFICATION_NOT_FOUND -> "該当する資格がありません。番号を確かめ、患者さんに加入中の保険を確認してください。";
            case MULTIPLE_MATCHES -> "複数の資格が該当しました。枝番を確かめて照会し直してください。";
            case NUMBERS_DIFFER -> "記号・番号が受付時と違います。請求の番号を直してください。";
            case RATIO_DIFFERS -> "負担割合が受付時と違います。差額の精算をご案内ください。";
            case UNANSWERED -> "照会できませんでした。次の再照会でもう一度確かめます。";
        };
    }

    /**
     * One re-check finding as staff act on it: the visit, whom it is about, what was found and the numbers the service
     * returned — the new insurer's when they differ from those the visit was accepted on, else the lost ones, said
     * as such (a numbers query that finds 「新しい資格あり」 returns only the lost qualification).
     *
     * @param visit the visit the finding is about (its name and accepted numbers), or null
     */
    public static String findingLine(RecheckFinding f, Visit visit) {
        String name = patientName(visit);
        StringBuilder sb = new StringBuilder(f.visitId()).append("  ").append(name == null ? "（氏名なし）" : name)
                .append(": ").append(finding(f.kind()));
        Qualification q = f.found();
        if (q == null || f.kind() == RecheckFinding.Kind.CONFIRMED || f.kind() == RecheckFinding.Kind.UNANSWERED) {
            return sb.toString();
        }
        Qualification accepted = visit == null ? null : visit.qualification();
        boolean sameNumbers = accepted != null && java.util.Objects.equals(accepted.insurerNumber(), q.insurerNumber())
                && java.util.Objects.equals(accepted.number(), q.number());
        if (sameNumbers && f.kind() != RecheckFinding.Kind.RATIO_DIFFERS) {
            sb.append("　喪失した資格: ").append(numbers(q));
            if (f.kind() == RecheckFinding.Kind.QUALIFICATION_LOST_HAS_OTHER) {
                sb.append("。新しい資格の番号は照会結果にありません。新しい資格確認書かマイナ保険証で確かめてください。");
            }
        } else {
            sb.append(f.kind() == RecheckFinding.Kind.RATIO_DIFFERS ? "　照会結果: " : "　新しい資格: ").append(numbers(q));
        }
        return sb.toString();
    }

    /** The patient's name as the visit knows it: the insurance's, else what the document or 申立書 said; or null. */
    public static String patientName(Visit v) {
        if (v == null) {
            return null;
        }
        if (v.qualification() != null && v.qualification().name() != null) {
            return v.qualification().name();
        }
        return v.patient() == null ? null : v.patient().name();
    }

    /** 保険者番号・記号・番号・枝番 (and the insurer's name and ratio when known) on one line. */
    public static String numbers(Qualification q) {
        return "保険者番号 " + nz(q.insurerNumber()) + (q.insurerName() == null ? "" : "（" + q.insurerName() + "）")
                + "　記号 " + nz(q.symbol()) + "　番号 " + nz(q.number()) + "　枝番 " + nz(q.branch())
                + (q.ratio() == null ? "" : "　負担割合 " + ratio(q.ratio()));
    }

    private static String nz(String s) {
        return s == null || s.isEmpty() ? "－" : s;
    }

    /** What the screen says while a card step runs. */
    public static String step(CheckStep s) {
        return switch (s) {
            case SELECT -> "カードを読み取っています（公的個人認証アプリ）";
            case CERTIFICATE -> "利用者証明用電子証明書を読み取り、検証しています";
            case RETRIES -> "暗証番号の残り回数を確かめています";
            case VERIFY -> "暗証番号を照合しています";
            case SIGN -> "カードに署名させて、電子証明書の鍵を持つカードか確かめています";
            case SERVICE -> "オンライン資格確認に問い合わせています";
        };
    }

    /** A reader or card event, as the screen announces it while staff do something else. */
    public static String readerEvent(jp.mynadesk.reader.ReaderEvent e) {
        if (e instanceof jp.mynadesk.reader.ReaderEvent.CardInserted c) {
            return "カードが置かれました（" + c.reader() + "）。Enter で受付を始めます。";
        }
        if (e instanceof jp.mynadesk.reader.ReaderEvent.CardRemoved c) {
            return "カードが取り外されました（" + c.reader() + "）。";
        }
        if (e instanceof jp.mynadesk.reader.ReaderEvent.ReaderRemoved r) {
            return "カードリーダーが外されました（" + r.reader() + "）。接続し直してください。";
        }
        if (e instanceof jp.mynadesk.reader.ReaderEvent.ReaderAdded r) {
            return "カードリーダーがつながりました（" + r.reader() + "）。";
        }
        if (e instanceof jp.mynadesk.reader.ReaderEvent.Unavailable u) {
            return messageAndNext(u.problem());
        }
        throw new IllegalStateException("reader event not handled: " + e);
    }

    public static String ratio(Integer percent) {
        return percent == null ? "不明" : percent / 10 + "割";
    }

    public static String category(SharingCategory c) {
        return c.label();
    }

    /** The PIN prompt for the patient. */
    public static String pinPrompt(int triesLeft) {
        return "暗証番号（数字4桁）を入力してください（残り" + triesLeft + "回）";
    }

    public static String recorded(String visitId) {
        return "記録しました（受付番号 " + visitId + "）。";
    }

    public static String consentQuestion(SharingCategory c) {
        return "過去の" + c.label() + "を当院・当薬局に提供することに同意しますか";
    }

    /** The reader's question about 医療費助成 (PMH, docs/DESK.md "医療費助成の受給者証"). */
    public static String subsidyQuestion() {
        return "医療費助成の受給者証を利用しますか";
    }

    /** The reader's question naming the 受給者証 the service offered: 「医療費助成の受給者証を利用しますか（…）」. */
    public static String subsidyQuestion(List<Subsidy> offered) {
        return subsidyQuestion() + "（" + String.join("、", offered.stream().map(s -> s.name() == null ? "" : s.name()).toList()) + "）";
    }

    /** The two answers to the 医療費助成 question, as the patient taps them. */
    public static String subsidyChoice(boolean use) {
        return use ? "利用する" : "利用しない";
    }

    /** Why the consent questions come with a warning, set apart from them on the terminal: 【message next step】. */
    public static String consentWarning(ReasonCode code) {
        return "【" + messageAndNext(code) + "】";
    }

    /** What the service offered, by the 制度's names (the numbers are shown once the patient said yes). */
    public static String subsidyOffered(List<Subsidy> offered) {
        return "この方は医療費助成の受給者証をマイナ保険証で使えます: "
                + String.join("、", offered.stream().map(s -> s.name() == null ? "（名称なし）" : s.name()).toList());
    }

    /** The visit's 医療費助成 lines: the numbers on yes, that nothing was kept on no. */
    public static List<String> subsidyLines(SubsidyRecord s) {
        if (!s.used()) {
            return List.of("医療費助成: 利用しない（受給者証の番号は記録していません。紙の受給者証があれば確認してください）");
        }
        return s.certificates().stream().map(x -> "医療費助成: " + (x.name() == null ? "" : x.name() + "　")
                + "公費負担者番号 " + x.publicExpenseNumber() + "　受給者番号 " + x.beneficiaryNumber()).toList();
    }

    /** The consent question, naming the institution as the patient knows it (当院 or 当薬局, from its code). */
    public static String consentQuestion(SharingCategory c, String institutionCode) {
        return "過去の" + c.label() + "を" + institutionWord(institutionCode) + "に提供することに同意しますか";
    }

    /**
     * 当院 or 当薬局: the third digit of the 10-digit 医療機関コード is its 点数表番号 (1 医科, 3 歯科, 4 調剤 = 薬局,
     * 6 訪問看護; docs/DESK.md, "Wording").
     */
    public static String institutionWord(String institutionCode) {
        if (institutionCode == null || institutionCode.length() != 10) {
            return "当院";
        }
        return switch (institutionCode.charAt(2)) {
            case '4' -> "当薬局";
            case '6' -> "当ステーション";
            default -> "当院";
        };
    }

    /** The 限度額適用区分 as staff read it (ア, 現役並みⅢ, ...), never the service's code. */
    public static String limitClass(String code) {
        if (code == null) {
            return null;
        }
        return jp.mynadesk.ceiling.CeilingClass.ofCode(code).map(k -> "区分" + k.label()).orElse("（不明な区分）");
    }

    /** 性別 as printed (男 / 女), never the JSON code. */
    public static String sex(String code) {
        return code == null ? "" : jp.mynadesk.documents.Sex.parse(code).map(jp.mynadesk.documents.Sex::label).orElse("");
    }

    /** At a prompt that is not the PIN prompt, four digits were typed (a PIN typed ahead?): not used, asked again. */
    public static String pinNotHere() {
        return "ここは暗証番号の入力欄ではありません。入力された数字は使っていません。暗証番号は、暗証番号の画面で患者さんに入力していただきます。";
    }

    /** A blank line at the PIN prompt: asked again (it does not end the check). */
    public static String pinStillAsked() {
        return "暗証番号を入力してください（中止は c）。";
    }

    /** A scanned document with problems: listed above, not used. */
    public static String scannedNotUsable() {
        return "この書類はこのままでは使えません。もう一度読み取るか、手で入力してください。";
    }

    /** Ctrl-C ended the desk with a check open: it was recorded as stopped. */
    public static String interrupted(String visitId) {
        return "中断しました: " + recorded(visitId);
    }

    /** A key the prompt does not offer: asked again. */
    public static String unknownKey() {
        return "そのキーは使えません。表示されたキーを入力してください。";
    }

    /**
     * The service as the status line shows it: the breaker, then the last call (a 503 shows at once), the mock
     * labelled 模擬, and where the desk tried to connect when it could not.
     *
     * @param answered whether the last call reached the service; null before any call
     * @param failure how the last call failed, or null
     */
    public static String serviceStatus(jp.mynadesk.oqs.CircuitBreaker.State state, Boolean answered,
                                       jp.mynadesk.oqs.OqsResult<?> failure, String url, boolean simulated) {
        String label = simulated ? "オンライン資格確認（模擬）: " : "オンライン資格確認: ";
        if (state == jp.mynadesk.oqs.CircuitBreaker.State.CLOSED && !Boolean.FALSE.equals(answered)) {
            return label + (answered == null ? "未確認" : "接続");
        }
        String how = state == jp.mynadesk.oqs.CircuitBreaker.State.HALF_OPEN ? "接続できません（復旧を確かめています）"
                : state == jp.mynadesk.oqs.CircuitBreaker.State.OPEN ? "接続できません（障害中）" : "応答がありません";
        return label + how + serviceFailure(failure, url);
    }

    /** Why the service could not be used, for staff: what was tried and what to check. */
    public static String serviceFailure(jp.mynadesk.oqs.OqsResult<?> failure, String url) {
        if (failure instanceof jp.mynadesk.oqs.OqsResult.Unavailable<?> u) {
            return switch (u.reason()) {
                case CONNECTION -> "。接続先 " + url + " につながりません（アドレスの誤りか、サービスが止まっています）";
                case TIMEOUT -> "。接続先 " + url + " から時間内に応答がありません";
                case MAINTENANCE -> "。サービスがメンテナンス中か混み合っています（" + url + "）";
                case SERVER_ERROR -> "。サービスでエラーが起きています（" + url + "）";
            };
        }
        if (failure instanceof jp.mynadesk.oqs.OqsResult.Malformed<?>) {
            return "。接続先 " + url + " の応答を読み取れません（別のサービスかもしれません）";
        }
        return "";
    }

    /** A reader event while the desk waits at its menu (Enter starts a check there) or inside a check (it does not). */
    public static String readerEvent(jp.mynadesk.reader.ReaderEvent e, boolean atMenu) {
        if (e instanceof jp.mynadesk.reader.ReaderEvent.CardInserted c) {
            return "カードが置かれました（" + c.reader() + "）。" + (atMenu ? "Enter で受付を始めます。" : "");
        }
        return readerEvent(e);
    }

    /** A yes/no prompt got neither (blank, a PIN typed ahead, "ok"): asked again, never taken as no. */
    public static String consentAskAgain() {
        return "はい（y）か いいえ（n）で入力してください。";
    }

    public static List<String> lines(List<ReasonCode> warnings) {
        return warnings.stream().map(w -> "注意: " + messageAndNext(w)).toList();
    }

    /** What {@code db verify} found, as the desk says it. */
    public static String integrity(IntegrityReport r) {
        return r.ok() ? "記録に異常はありません（受付 " + r.visits() + " 件、監査記録 " + r.auditEntries() + " 件）。"
                : "記録に異常があります: " + r.firstBroken() + "。システム担当者に連絡してください。";
    }

    /** A new check was asked for while one is still open. */
    public static String checkInProgress() {
        return "受付中の確認があります。終えるか取り消してから、次の受付を始めてください。";
    }

    /** The answer to an action that does not fit where the check waits (a second click, a stale page). */
    public static String notNow() {
        return "いまはその操作はできません。画面の表示に従ってください。";
    }

    /** The ceiling needs the insurance first. */
    public static String ceilingNeedsQualification() {
        return "限度額を計算するには、先に資格を確認してください。";
    }

    /** A required field of a form was left empty. */
    public static String required(String label) {
        return label + "を入力してください。";
    }

    public static String ceilingTotal() {
        return "総医療費（10割）は 0 円以上の整数（円）で入力してください。";
    }

    // --- the desk in a terminal (mynadesk desk): menus, prompts and keys -------------------------------------------

    public static String deskHeader(String terminal) {
        return "=== mynadesk 受付（端末 " + terminal + "） ===";
    }

    /** What every screen shows in simulation (docs/CLINIC.md). */
    public static String practiceMode() {
        return "練習モード（模擬サービス）";
    }

    public static String practiceBanner() {
        return "★ " + practiceMode() + " ★ 仮想カードか模擬サービスで動いています。実際の患者さんの資格確認にはなりません。";
    }

    public static String deskClosing() {
        return "受付を終了します。記録はすべて保存されています。";
    }

    /** The menu, each line short enough for an 80-column terminal (CJK characters are two columns). */
    public static List<String> deskMenu() {
        return List.of(
                "[Enter] カードで受付（暗証番号）   [v] 目視確認で受付",
                "[d] 書類を入力・読み取り           [m] 被保険者資格申立書",
                "[r] 再照会  [l] 今日の受付  [x] 記録の検査  [q] 終了");
    }

    public static String readerStatus(boolean connected) {
        return "カードリーダー: " + (connected ? "接続" : "なし（書類で受付）");
    }

    /** The status line's service part when the desk has no service configured. */
    public static String noServiceStatus() {
        return "オンライン資格確認: 未接続（設定なし）";
    }

    /** A reader event announced while staff do something else. */
    public static String notice(String text) {
        return "〔お知らせ〕" + text;
    }

    /** Why the check waits where it does, and what to do: 【what happened】next step. */
    public static String reasonLine(Reason r) {
        return "【" + message(r) + "】" + next(r);
    }

    public static String declarationNeeded() {
        return "使える書類がありません。被保険者資格申立書を記入していただきます。";
    }

    public static String recordAgainKey() {
        return "[Enter] もう一度記録する";
    }

    /** The PIN prompt as the desk shows it: the patient types, staff watch. */
    public static String pinPromptAtDesk(int triesLeft) {
        return pinPrompt(triesLeft) + "（患者さんが入力します）";
    }

    public static String pinStaffKeys() {
        return "職員の操作: [v] 目視確認に切り替え  [d] 書類で受付  [c] 中止";
    }

    public static String pinField() {
        return "暗証番号: ";
    }

    public static String staffIdLabel() {
        return "職員のID";
    }

    /** Asking for the staff member who compared the face, from the PIN prompt or the menu. */
    public static String visualStaffPrompt() {
        return "目視確認をした職員のID（戻る: c）";
    }

    /** Asking for the staff member at the 目視 prompt, where documents and cancelling are the other ways on. */
    public static String visualStaffPromptAtVisual() {
        return "目視確認をした職員のID（書類で受付: d、中止: c）";
    }

    public static String consentIntro() {
        return "患者さんに情報提供の同意を伺います（y / はい: 同意する　n / いいえ: 同意しない）";
    }

    public static String documentsKeys() {
        return "[d] 書類を入力・読み取り  [m] 被保険者資格申立書  [c] ここで終える";
    }

    public static String declarationKeys() {
        return "[m] 申立書を記入する  [c] 記入しない（保険診療として受付できません）";
    }

    public static String documentEntryKeys() {
        return "[t] 手で入力  [s] QRコードを読み取る（読み取り機・画像ファイル）  [c] 戻る";
    }

    public static String documentKindKeys() {
        return "書類 [1] 資格確認書  [2] 資格情報のお知らせ  [c] 戻る";
    }

    public static String addressPrompt() {
        return "住所（再照会のために控えます。空欄可）";
    }

    public static String limitConsentPrompt() {
        return "限度額情報の提供に口頭で同意を得ましたか [y/n]";
    }

    public static String scannedHeading() {
        return "読み取った内容:";
    }

    public static String useScannedPrompt() {
        return "この内容で受付しますか [y/n]";
    }

    public static String scanPrompt() {
        return "QRコードを読み取り機で読むか、画像ファイル（PNG/JPEG）のパスを入力（戻る: 空欄）";
    }

    /** What was typed at the scan prompt is neither a code nor a readable path. */
    public static String notAPath(String typed) {
        return "「" + typed + "」はファイルのパスとして読めません。";
    }

    public static String formCancelHint() {
        return "（途中でやめるときは c だけを入力）";
    }

    public static String enterAgain() {
        return "入力し直してください:";
    }

    public static String declarationIntro() {
        return "被保険者資格申立書（氏名・生年月日・住所・連絡先は必須。途中でやめるときは c だけを入力）";
    }

    /** A document's field as the terminal asks for it: its label and how to type it. */
    public static String documentFieldPrompt(String label, String field, boolean required) {
        return switch (field) {
            case "birthDate" -> label + "（2016-04-02 または 平成28年4月2日）";
            case "sex" -> label + "（男/女、空欄可）";
            case "issuedOn", "validUntil" -> label + (required ? "（例: 令和6年12月2日）" : "（空欄可）");
            default -> required ? label : label + "（なければ空欄）";
        };
    }

    /** A 申立書 field as the terminal asks for it. */
    public static String declarationFieldPrompt(String label, String field, boolean required) {
        return switch (field) {
            case "sex" -> label + "（男/女、空欄可）";
            case "birthDate" -> label + "（1985-01-02 または 昭和60年1月2日）";
            case "contact" -> label + "（電話番号など）";
            case "statedInsurance" -> label + "（分かる範囲で。空欄可）";
            case "insurerNumber" -> label + "（分からなければ空欄: 不詳請求）";
            case "number" -> label;
            default -> required ? label : label + "（なければ空欄）";
        };
    }

    public static String recheckProgress(int done) {
        return "再照会中: " + done + " 件";
    }

    public static String recheckCount(int findings) {
        return "再照会: " + findings + " 件";
    }

    public static String todaysCount(int visits) {
        return "今日の受付: " + visits + " 件";
    }

    /** The status line: the reader, then the service. */
    public static String statusLine(String reader, String service) {
        return reader + "　" + service;
    }

    /** One consent answer as the staff page lists it. */
    public static String consentAnswer(Boolean yes) {
        return yes == null ? "回答なし" : yes ? "同意する" : "同意しない";
    }

    public static String visualStaffLabel() {
        return "目視確認をした職員のID";
    }

    /** The web form's answer to a staff id that may not confirm visually (the field is named beside it). */
    public static String notVisualStaffField() {
        return "この職員IDは目視確認ができる職員として設定されていません（設定 visualStaff）。";
    }

    public static String notVisualStaff() {
        return "【" + notVisualStaffField() + "】設定されている職員のIDを入力してください。";
    }

    public static String documentLabel() {
        return "書類";
    }

    public static String qrImageLabel() {
        return "QRコードの画像";
    }

    /** A date as 和暦 with the ISO form the document carried. */
    public static String warekiWithIso(String wareki, String iso) {
        return wareki + "（" + iso + "）";
    }

    /** The 限度額 result's text with the class as staff read it (区分ウ), not the service's code. */
    public static String ceilingText(String human, jp.mynadesk.ceiling.CeilingClass cls) {
        return human.replace("区分 " + cls.code() + "（" + cls.label() + "）", limitClass(cls.code()));
    }

    // --- check, visits and recheck on the command line: what they print besides the visit ---------------------------

    /** {@link #serviceFailure}'s text as a sentence of its own, after one that ended in 。 (or nothing). */
    public static String sentence(String failure) {
        return failure.isEmpty() ? "" : (failure.startsWith("。") ? failure.substring(1) : failure) + "。";
    }

    /** Where the desk tried to reach the service, after an outage ({@link #serviceFailure}'s text). */
    public static String connectionDetail(String failure) {
        return "接続の状況: " + (failure.startsWith("。") ? failure.substring(1) : failure);
    }

    /** Recording failed and the store cannot say whether the visit landed: look before checking again. */
    public static String recordUnknown() {
        return "この受付が記録されたかどうかを確かめられませんでした（記録の応答が途中で途切れました）。もう一度 check する前に、"
                + "mynadesk visits で記録を確かめてください（同じ受付を二重に記録しないため）。";
    }

    public static String recordedAfterAll(String visitId) {
        return "記録の応答が途中で途切れましたが、確かめたところ受付 " + visitId + " として記録されています。";
    }

    public static String notRecorded() {
        return "この受付は記録されていません。";
    }

    public static String recheckNeedsService() {
        return "オンライン資格確認サービスが設定されていない（service: none）ため、再照会できません。"
                + "再照会待ちの受付はそのまま残っています。サービスの URL を --service か設定ファイル（mynadesk setup）で指定してください。";
    }

    public static String recheckProgress(int done, int pending) {
        return "再照会中: " + done + " / " + pending + " 件";
    }

    public static String recheckSummary(int findings, long confirmed, long unanswered) {
        return "再照会: " + findings + "件（相違なし " + confirmed + "件、照会できず " + unanswered + "件）";
    }

    /** What the service said about a finding it could not answer, if anything. */
    public static String findingDetail(String detail) {
        return detail == null ? "" : "（" + SafeText.line(detail) + "）";
    }

    /** A practice visit in a list of visits. */
    public static String practiceMark(boolean simulated) {
        return simulated ? "  （練習）" : "";
    }

    /** A re-check discrepancy under its visit's row. */
    public static String findingUnderRow(RecheckFinding f, Visit v) {
        return "    再照会: " + findingLine(f, v).substring(v.visitId().length()).strip();
    }

    public static String total(int visits) {
        return "合計 " + visits + " 件";
    }

    // --- the desk in a browser: answers of the web pages' calls ---------------------------------------------

    public static String internalError() {
        return "内部エラーで操作を完了できませんでした。もう一度操作し、続く場合はシステム担当者に連絡してください（記録済みの受付は失われていません）。";
    }

    public static String notThisDesk() {
        return "このアドレスでは受付画面を開けません。受付端末の IP アドレスか localhost で開いてください。";
    }

    public static String staffOnly() {
        return "職員用の画面は受付端末（このコンピューター）でだけ開けます。患者さん用の画面は /patient です。";
    }

    public static String notPaired() {
        return "この画面はまだ受付端末とつながっていません。職員用の画面に表示された接続コードを入力してください。";
    }

    public static String wrongPairingCode() {
        return "接続コードが違います。職員用の画面に表示されている6桁の数字を入力してください。";
    }

    /** A wrong pairing code, and how long this screen waits before the next try. */
    public static String wrongPairingCode(long waitSeconds) {
        return "接続コードが違います。" + waitSeconds + "秒待ってから、職員用の画面に表示されている6桁の数字を入力してください。";
    }

    public static String pairingWait(long waitSeconds) {
        return "続けて入力できません。" + waitSeconds + "秒待ってから、もう一度入力してください。";
    }

    public static String pairingClosed() {
        return "いまは接続を受け付けていません。職員に、職員用の画面で「接続コードを出す」を押してもらってください。";
    }

    public static String pairingLocked() {
        return "接続コードの誤りが続いたため、接続を止めています。職員に、職員用の画面で「接続コードを出す」を押してもらってください。";
    }

    public static String requestTooLarge() {
        return "送られたデータが大きすぎます。ページを再読み込みしてから、もう一度操作してください。";
    }

    public static String tooManyStreams() {
        return "この画面を開いているタブが多すぎます。使っていないタブを閉じてから、ページを再読み込みしてください。";
    }

    public static String reloadPage() {
        return "画面の有効期限が切れました。ページを再読み込みしてから、もう一度操作してください。";
    }

    public static String notAnImage() {
        return "画像として読めませんでした。PNG か JPEG の写真を選んでください。";
    }

    // --- the desk in a browser: what only the web pages say (their calls' answers, the patient page) -------------

    /** The patient pressed 決定 with questions left open. */
    public static String consentUnanswered(List<SharingCategory> open) {
        return "まだ答えていない質問があります（" + open.stream().map(SharingCategory::label).collect(java.util.stream.Collectors.joining("、"))
                + "）。それぞれ「同意する」か「同意しない」を選んでください。";
    }

    // --- the patient page between checks, and when another page took the desk over --------------------------

    public static String patientPlaceCard() {
        return "カードをカードリーダーに置いてください";
    }

    /** The last patient's card is still on the reader. */
    public static String patientTakeCard() {
        return "カードをお取りください";
    }

    /** A card is on the reader and staff have not started yet: it must not be asked for again. */
    public static String patientWaitWithCard() {
        return "カードはそのまま置いてお待ちください。受付の職員が確認を始めます";
    }

    /** Shown with 「受付が完了しました」 while the card is still on the reader. */
    public static String patientDoneTakeCard() {
        return "カードをお取りください。";
    }

    /** This patient page was replaced by one opened later (another tab, a reloaded tablet). */
    public static String screenReplaced() {
        return "この画面は使われていません。受付は別の画面で続いています。";
    }

    public static String unknownDocumentKind() {
        return "書類の種類を選んでください（資格確認書 / 資格情報のお知らせ）。";
    }

    /** Enter in the scan field with nothing read. */
    public static String scanEmpty() {
        return "QRコードが読み取れていません。読み取り欄を選んでから、書類のQRコードをリーダーにかざしてください。";
    }

    // --- the staff page's result --------------------------------------------------------------------------

    public static String consentBeingAnswered() {
        return "患者さんが患者さん用の画面で回答しています。";
    }

    /** A card visit confirmed without consent answers (cancelled at the questions, or sharing not allowed). */
    public static String consentNotAnswered() {
        return "情報提供の同意は回答されていません（同意なしとして扱い、登録していません）。";
    }

    public static String consentRegistered(java.time.OffsetDateTime until) {
        return until == null ? "オンライン資格確認に登録しました。"
                : "オンライン資格確認に登録しました（" + until.getMonthValue() + "月" + until.getDayOfMonth() + "日 "
                        + String.format("%02d:%02d", until.getHour(), until.getMinute()) + " まで有効）。";
    }

    public static String consentNotRegistered() {
        return "回答は記録しましたが、オンライン資格確認には登録できませんでした。";
    }

    /** Documents the rules refused while the service was up: nothing was queried. */
    public static String routeDocumentsNotQueried() {
        return "資格確認書など（書類の確認で受付不可のため、オンライン照会はしていません）";
    }

    // --- a document's fields as staff type them (terminal and web forms, docs make/check; docs/DESK.md) -----------

    /** A form field's name as printed on the document or the 申立書 (the field names are the document JSON's). */
    public static String fieldLabel(String field) {
        return switch (field) {
            case "insurerNumber" -> "保険者番号";
            case "insurerName" -> "保険者名";
            case "symbol" -> "記号";
            case "number" -> "番号";
            case "branch" -> "枝番";
            case "name" -> "氏名";
            case "birthDate" -> "生年月日";
            case "sex" -> "性別";
            case "acquiredOn" -> "資格取得年月日";
            case "issuedOn" -> "交付年月日";
            case "validFrom" -> "有効開始日";
            case "validUntil" -> "有効期限";
            case "lostOn" -> "資格喪失日";
            case "address" -> "住所";
            case "contact" -> "連絡先";
            case "statedInsurance" -> "加入している保険";
            default -> throw new IllegalArgumentException("not a form field: " + field);
        };
    }

    /** The 申立書 names numbers without a 保険者番号: both are left blank when not known (不詳請求). */
    public static String declarationNumbersWithoutInsurer() {
        return required(fieldLabel("insurerNumber")) + "分からなければ記号・番号も空欄にしてください（不詳請求）。";
    }

    /** The hint or problem for a field as typed, or for a document field that makes it bad-format. */
    public static String entry(EntryNote n) {
        return switch (n.code()) {
            case INSURER_NUMBER_ENTER -> "保険者番号（8桁、国保は6桁）を入力してください。";
            case INSURER_NUMBER_DIGITS_ONLY -> "保険者番号は数字だけです。数字以外の文字を消してください。";
            case INSURER_NUMBER_TOO_LONG -> "保険者番号は8桁（国保は6桁）です。" + n.number() + "桁入っています。";
            case INSURER_NUMBER_MORE_DIGITS -> "あと" + (n.number() < 6 ? (6 - n.number()) + "桁（国保）か" + (8 - n.number())
                    : "1") + "桁です。";
            case KOKUHO_CHECK_DIGIT -> "国保の6桁としては検証番号が合いません（最後の桁は " + n.number()
                    + " のはずです）。8桁の番号なら続けて入力してください。";
            case CHECK_DIGIT -> "検証番号（最後の桁）が合いません。最後の桁は " + n.number()
                    + " のはずです。書類の保険者番号をもう一度確かめてください。";
            case SYMBOL_UNUSABLE -> "記号が長すぎるか、使えない文字があります。書類の記号をそのまま入力してください。";
            case NUMBER_ENTER -> "番号を入力してください。";
            case NUMBER_DIGITS_ONLY -> "番号は数字だけです。書類の番号を確かめてください。";
            case BRANCH_TWO_DIGITS -> "枝番は2桁の数字です（例: 00）。";
            case BRANCH_ONE_DIGIT -> "枝番は2桁です（例: 0" + n.shown() + "）。";
            case NAME_ENTER -> "氏名を入力してください。";
            case SEX_CHOICE -> "性別は 男 / 女（1 / 2）で入力してください。";
            case DATE_ENTER -> "日付を入力してください（例: 2024-12-02 または 令和6年12月2日）。";
            case DATE_OUT_OF_RANGE -> outOfRange(n.shown());
            case DATE_OUTSIDE_ERA -> Wareki.mismatch(n.shown()).map(StaffText::outsideEra).orElseGet(() -> unreadableDate(n));
            case DATE_UNREADABLE -> unreadableDate(n);
            case INSURER_NAME_UNUSABLE -> "保険者名が長すぎるか、使えない文字があります。";
            case FREE_TEXT_UNUSABLE -> "長すぎるか、使えない文字があります（200文字まで）。";
            case INSURER_NUMBER_MISSING -> "保険者番号がありません。";
            case INSURER_NUMBER_MALFORMED -> "「" + n.shown() + "」は保険者番号の形ではありません（8桁、国保は6桁の数字）。";
            case NUMBER_MISSING -> "番号がありません。";
            case NUMBER_NOT_DIGITS -> "「" + n.shown() + "」: 番号は数字だけです。";
            case NAME_MISSING -> "氏名がありません。";
            case BRANCH_MALFORMED -> "「" + n.shown() + "」: 枝番は2桁の数字です。";
            case DATE_REQUIRED -> "この書類には必要な日付です。";
            case DATE_MALFORMED -> "「" + n.shown() + "」は存在しない日付か、YYYY-MM-DD の形ではありません。";
        };
    }

    /** 「資格確認書に印字された有効期限を入力してください。」: a date the document carries printed, left blank. */
    public static String printedOn(DocumentKind kind, String label) {
        return kind.label() + "に印字された" + label + "を入力してください。";
    }

    private static String unreadableDate(EntryNote n) {
        return "「" + n.shown() + "」は日付として読めないか、存在しない日付です。2024-12-02 または 令和6年12月2日 の形で入力してください。";
    }

    /** A date outside the range every date must fall in (docs/RULES.md §8), for what was typed. */
    public static String outOfRange(String typed) {
        return "「" + typed + "」は受け付ける日付の範囲（" + Dates.EARLIEST + "〜" + Dates.LATEST + "）の外です。" + Dates.EARLIEST
                + " から " + Dates.LATEST + " までの日付を指定してください。";
    }

    /** 「平成32年1月1日」は存在しない日付です。平成は 1989-01-08 から 2019-04-30 までです（2020-01-01 は 令和2年1月1日）。 */
    public static String outsideEra(Wareki.EraMismatch m) {
        String dates = m.end() == null ? m.start() + " から" : m.start() + " から " + m.end() + " まで";
        // before 1873 (明治6年) Japan kept the lunisolar calendar: no 和暦 name to offer for such a day
        String right = m.date().isBefore(LocalDate.of(1873, 1, 1)) ? "" : "（" + m.date() + " は " + Wareki.format(m.date()) + "）";
        return "「" + m.typed() + "」は存在しない日付です。" + m.era() + "は " + dates + "です" + right + "。";
    }

    // --- the desk's guidance and the re-check ------------------------------------------------------------------

    /** The 負担割合 to go by until the re-check, with its basis (docs/RULES.md §6). */
    public static String ratioGuide(RatioGuide.Band band, int age, boolean koukiNumber) {
        String guide = switch (band) {
            case KOUKI -> "1割（後期高齢者医療。一定以上所得は2割、現役並み所得は3割）。資格確認書に記載の割合を確かめてください";
            case ELDERLY -> "2割（70〜74歳・高齢受給者。現役並み所得は3割）。高齢受給者証の割合を確かめてください";
            case PRESCHOOL -> "2割（義務教育就学前）";
            case WORKING_AGE -> "3割（就学後〜69歳）";
        };
        return "目安 " + guide + "。根拠: " + age + "歳" + (koukiNumber ? "・後期高齢者医療の保険者番号" : "")
                + "（年齢による負担割合の決まり）。確定は再照会で行います。";
    }

    /** Why a pending visit got no answer in a re-check (kept as the finding's detail). */
    public static String unanswered(RecheckFinding.Unanswered why) {
        return switch (why) {
            case NO_NUMBERS -> "保険者番号・番号が分からないため照会できません（不詳請求）";
            case NOT_SENT -> "一括照会を送れませんでした";
            case NOT_RECEIVED -> "一括照会の結果を受け取れませんでした";
            case NOT_READY -> "一括照会の結果がまだ出ていません";
            case NOT_IN_RESULT -> "一括照会の結果に含まれていません";
            case SERVICE_ERROR -> "照会エラー";
            case NO_QUALIFICATION -> "資格の内容が返されませんでした";
        };
    }

    /** Another desk holds the re-check: its run covers the same visits. */
    public static String recheckBusy() {
        return "他の端末が再照会を実行中です。終わってから、もう一度再照会してください。";
    }

    /** A stored visit whose JSON the desk cannot read (the record was damaged or edited). */
    public static String recordUnreadable() {
        return "記録の内容を読み取れません。db verify で確認してください。";
    }

    // --- the patient's screen (顔認証付きカードリーダー / tablet): what the patient reads ----------------------

    /** Shown to the patient instead of the staff sentence: short, and never about what staff do. */
    public static String patientNotice(ReasonCode code) {
        return switch (code) {
            case WRONG_PIN -> "暗証番号が違います。もう一度入力してください。";
            case PIN_FORMAT -> "暗証番号は数字4桁です。もう一度入力してください。";
            case PIN_LAST_TRY -> "次に間違えると暗証番号がロックされます。分からないときは受付の職員にお声がけください。";
            case PIN_BLOCKED -> "暗証番号がロックされています。受付の職員がご案内します。";
            default -> "受付の職員がご案内します。";
        };
    }

    /** The patient's last screen when the insurance was accepted. */
    public static String patientDone() {
        return "受付が完了しました";
    }

    /** The patient's last screen when it was not (staff explain why). */
    public static String patientSeeStaff() {
        return "受付の職員がご案内します。";
    }
}
