package jp.mynadesk.doctor;

/** How one diagnosis came out: 正常, 警告 or 異常 (docs/CLINIC.md, "doctor"). */
public enum Status {
    OK("ok", "正常", 0),
    WARNING("warning", "警告", 1),
    PROBLEM("problem", "異常", 3);

    private final String code;
    private final String label;
    private final int exitCode;

    Status(String code, String label, int exitCode) {
        this.code = code;
        this.label = label;
        this.exitCode = exitCode;
    }

    /** The word in {@code doctor --json}. */
    public String code() {
        return code;
    }

    /** The word staff read. */
    public String label() {
        return label;
    }

    /** {@code doctor}'s exit status when this is the worst finding: 0, 1 or 3. */
    public int exitCode() {
        return exitCode;
    }

    public Status worse(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
