package jp.mynadesk.rules;

/** Why a document or the card cannot be used (docs/RULES.md §4). Codes are part of the JSON contract. */
public enum Reason {
    BAD_FORMAT("bad-format", "必要な項目が欠けているか形式が正しくありません"),
    BAD_CHECK_DIGIT("bad-check-digit", "保険者番号の検証番号が合いません（読み取り誤りの可能性）"),
    NOT_YET_VALID("not-yet-valid", "まだ有効になっていません"),
    LOST("lost", "資格を喪失しています"),
    EXPIRED("expired", "有効期限が切れています"),
    OLD_CARD_ABOLISHED("old-card-abolished", "健康保険証は2025年12月1日で使えなくなりました"),
    NEEDS_CARD("needs-card", "単独では使えません（マイナ保険証と一緒に提示が必要）"),
    SUPERSEDED("superseded", "より新しい交付年月日の資格確認書があります"),
    CARD_CERTIFICATE_EXPIRED("card-certificate-expired", "カードの電子証明書が有効期限（猶予期間を含む）を過ぎています");

    private final String code;
    private final String label;

    Reason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Japanese explanation for staff. */
    public String label() {
        return label;
    }
}
