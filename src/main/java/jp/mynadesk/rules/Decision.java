package jp.mynadesk.rules;

/** The three outcomes at the desk. */
public enum Decision {
    ACCEPT("accept"),
    ACCEPT_WITH_DECLARATION("accept-with-declaration"),
    REJECT("reject");

    private final String code;

    Decision(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
