package jp.mynadesk.rules;

/**
 * Why a document or the card cannot be used (docs/RULES.md §4). Codes are part of the JSON contract; staff read them
 * through the desk's catalogue (desk/StaffText, by the desk's ReasonCode of the same code), never from here.
 */
public enum Reason {
    BAD_FORMAT("bad-format"),
    BAD_CHECK_DIGIT("bad-check-digit"),
    NOT_YET_VALID("not-yet-valid"),
    LOST("lost"),
    EXPIRED("expired"),
    OLD_CARD_ABOLISHED("old-card-abolished"),
    NEEDS_CARD("needs-card"),
    SUPERSEDED("superseded"),
    CARD_CERTIFICATE_EXPIRED("card-certificate-expired");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
