package jp.mynadesk.ceiling;

/** Household (世帯, outpatient and inpatient) or the 70+ individual outpatient (外来・個人ごと) limit. */
public enum Scope {
    HOUSEHOLD("household"),
    OUTPATIENT("outpatient");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
