package jp.mynadesk.desk;

import jp.mynadesk.format.Coded;

/** Where a visit stands with 再照会. */
public enum RecheckState implements Coded {
    NONE("none"), PENDING("pending"), CONFIRMED("confirmed"), DISCREPANCY("discrepancy");

    private final String code;

    RecheckState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static RecheckState fromCode(String code) {
        return Coded.of(values(), code, "recheck state");
    }
}
