package jp.mynadesk.rules;

/**
 * On what the visit is accepted. The declaration order of the document bases is the order of choice
 * (docs/RULES.md §4): earlier wins.
 */
public enum Basis {
    KAKUNINSHO("kakuninsho"),
    NOTICE_WITH_CARD("notice-with-card"),
    PORTAL_WITH_CARD("portal-with-card"),
    OLD_CARD("old-card"),
    INTERIM_ONLINE("interim-online"),
    DECLARATION("declaration");

    private final String code;

    Basis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
