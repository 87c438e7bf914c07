package jp.mynadesk.rules;

/** How the visit is billed to the insurer. A rejected visit has no claim (the patient pays 10割). */
public enum Claim {
    NORMAL("normal"),
    DECLARED("declared"),
    UNKNOWN_INSURER("unknown-insurer");

    private final String code;

    Claim(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
