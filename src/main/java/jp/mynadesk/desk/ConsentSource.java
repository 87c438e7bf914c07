package jp.mynadesk.desk;

/** Where a consent answer came from. */
public enum ConsentSource {
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

    public String code() {
        return code;
    }

    public static ConsentSource fromCode(String code) {
        for (ConsentSource s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown consent source " + code);
    }
}
