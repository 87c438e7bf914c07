package jp.mynadesk.desk;

import jp.mynadesk.format.Coded;

/** Where a consent answer came from. */
public enum ConsentSource implements Coded {
    /** The patient answered on the card reader's (or tablet's) screen. */
    CARD_SCREEN("card-screen"),
    /** The patient said it; staff entered it (限度額 oral consent on a numbers query). */
    ORAL("oral"),
    /** Staff recorded it on the patient's behalf. */
    STAFF("staff");

    private final String code;

    ConsentSource(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ConsentSource fromCode(String code) {
        return Coded.of(values(), code, "consent source");
    }
}
