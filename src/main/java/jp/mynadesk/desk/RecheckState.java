package jp.mynadesk.desk;

/** Where a visit stands with 再照会. */
public enum RecheckState {
    NONE("none"), PENDING("pending"), CONFIRMED("confirmed"), DISCREPANCY("discrepancy");

    private final String code;

    RecheckState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RecheckState fromCode(String code) {
        for (RecheckState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown recheck state " + code);
    }
}
