package jp.mynadesk.desk;

import java.util.Optional;

/**
 * Every reason a check ends as it does, and every warning, with the sentence staff read and the next step
 * (docs/DESK.md, reason codes). The codes are a JSON contract; the wording lives only here and in {@link StaffText}.
 */
public enum ReasonCode implements Coded {
    CARD_REMOVED("card-removed", "確認の途中でカードが取り外されました。", "カードをもう一度置いて、やり直してください。"),
    READER_UNAVAILABLE("reader-unavailable", "カードリーダーを使えません。",
            "ケーブルとカードリーダーの管理サービスを確かめてください。すぐに直らなければ資格確認書などの書類で受付します。"),
    NOT_JPKI_CARD("not-jpki-card", "マイナンバーカードとして読み取れませんでした。",
            "カードの種類と向きを確かめてください。マイナ保険証でなければ資格確認書をお持ちか伺ってください。"),
    WRONG_PIN("wrong-pin", "暗証番号が違います。", "患者さんにもう一度入力していただいてください。"),
    PIN_FORMAT("pin-format", "暗証番号は数字4桁です（カードには送っていないので、回数は減っていません）。",
            "患者さんにもう一度入力していただいてください。"),
    PIN_LAST_TRY("pin-last-try", "暗証番号の残りはあと1回です。次に間違えるとロックされます。",
            "自信がなければ目視確認モードに切り替えてください。"),
    PIN_BLOCKED("pin-blocked", "暗証番号がロックされています。",
            "目視確認モードか資格確認書などの書類で受付してください。ロック解除は市区町村の窓口でできるとお伝えください。"),
    PIN_NOT_SET("pin-not-set", "このカードには暗証番号が設定されていません（顔認証マイナンバーカード）。", "目視確認モードで受付してください。"),
    CERTIFICATE_EXPIRING("certificate-expiring", "電子証明書の有効期限が3か月以内に切れます。",
            "市区町村の窓口で更新するよう患者さんにお伝えください。"),
    CERTIFICATE_IN_GRACE("certificate-in-grace", "電子証明書の有効期限が切れています（猶予期間中）。資格確認だけ行い、診療・薬剤情報の提供はできません。",
            "市区町村の窓口で更新するよう患者さんにお伝えください。"),
    CERTIFICATE_EXPIRED("certificate-expired", "電子証明書の有効期限が猶予期間を含めて過ぎています。",
            "資格確認書をお持ちか伺ってください。更新は市区町村の窓口でできます。"),
    PHONE_CERTIFICATE_EXPIRED("phone-certificate-expired",
            "スマートフォンの電子証明書は有効期限が切れています（スマートフォンには期限後の猶予期間がありません）。",
            "マイナンバーカード本体をお持ちなら、カードで確認してください。なければ資格確認書などの書類で受付し、スマートフォンの電子証明書の再設定をご案内ください。"),
    SUBSIDY_NOT_ANSWERED("subsidy-not-answered", "「医療費助成の受給者証を利用しますか」に答えがありません。",
            "患者さんに「はい」か「いいえ」を選んでいただいてください。"),
    CERTIFICATE_REVOKED("certificate-revoked", "電子証明書が失効しています。", "資格確認書をお持ちか伺ってください。"),
    CERTIFICATE_UNTRUSTED("certificate-untrusted", "電子証明書を確認できません（発行元・用途・署名・形式のいずれかが不正）。",
            "このカードは使えません。資格確認書をお持ちか伺ってください。"),
    CARD_NOT_REGISTERED("card-not-registered", "このマイナンバーカードは健康保険証として登録されていません。",
            "今日は資格確認書などの書類で受付し、カードリーダーかマイナポータルで利用登録できるとお伝えください。"),
    SERVICE_OFFLINE("service-offline", "オンライン資格確認に接続できません。",
            "資格確認書などの書類で受付してください。復旧後に再照会します。"),
    SERVICE_REJECTED("service-rejected", "オンライン資格確認が照会を受け付けませんでした。",
            "表示されたコードを確かめ、入力を見直してください。続く場合は書類で受付します。"),
    QUALIFICATION_LOST("qualification-lost", "この資格は喪失しています。",
            "新しい資格確認書をお持ちか伺ってください。なければ被保険者資格申立書か自費で受付します。"),
    QUALIFICATION_LOST_HAS_OTHER("qualification-lost-has-other", "この資格は喪失していますが、別の資格があります。",
            "別の資格（新しい保険）で受付してください。"),
    QUALIFICATION_NOT_FOUND("qualification-not-found", "該当する資格が見つかりません。",
            "記号・番号・生年月日を確かめて入力し直すか、書類で受付してください。"),
    MULTIPLE_MATCHES("multiple-matches", "複数の資格が該当しました。", "枝番を確かめて照会し直してください。"),
    BAD_FORMAT("bad-format", "書類の必要な項目が欠けているか、形式が正しくありません。", "書類を見て入力し直してください。"),
    BAD_CHECK_DIGIT("bad-check-digit", "保険者番号の検証番号が合いません（読み取り誤りの可能性）。", "もう一度読み取るか、番号を確かめて入力し直してください。"),
    NOT_YET_VALID("not-yet-valid", "書類がまだ有効になっていません。", "有効な書類をお持ちか伺ってください。"),
    LOST("lost", "書類の資格は喪失しています。", "新しい資格確認書をお持ちか伺ってください。"),
    EXPIRED("expired", "書類の有効期限が切れています。", "新しい資格確認書をお持ちか伺ってください。"),
    OLD_CARD_ABOLISHED("old-card-abolished", "健康保険証は2025年12月1日で使えなくなりました。", "資格確認書かマイナ保険証をお持ちか伺ってください。"),
    NEEDS_CARD("needs-card", "資格情報のお知らせ・マイナポータルの画面は単独では使えません。", "マイナ保険証をお持ちか伺ってください。"),
    SUPERSEDED("superseded", "より新しい交付年月日の資格確認書があります。", "新しいほうの資格確認書で受付してください。"),
    CARD_CERTIFICATE_EXPIRED("card-certificate-expired", "カードの電子証明書が有効期限（猶予期間を含む）を過ぎています。",
            "資格確認書をお持ちか伺ってください。"),
    NO_USABLE_DOCUMENT("no-usable-document", "保険診療として受付できる書類がありません。",
            "いったん全額（10割）をお支払いいただき、後日保険者に療養費を請求していただくようご説明ください。"),
    CANCELLED("cancelled", "受付を取り消しました。", "最初からやり直せます。"),
    RECORD_UNAVAILABLE("record-unavailable", "確認は済みましたが、結果を記録できませんでした。",
            "記録が使えるようになったら「もう一度記録する」を押してください。患者さんにもう一度確認していただく必要はありません。");

    private final String code;
    private final String message;
    private final String next;

    ReasonCode(String code, String message, String next) {
        this.code = code;
        this.message = message;
        this.next = next;
    }

    @Override
    public String code() {
        return code;
    }

    /** What happened, in Japanese for reception staff. */
    public String message() {
        return message;
    }

    /** What staff do now. */
    public String next() {
        return next;
    }

    public static Optional<ReasonCode> fromCode(String code) {
        return Coded.find(values(), code);
    }
}
