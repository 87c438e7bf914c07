package jp.mynadesk.desk;

import jp.mynadesk.format.Coded;

/** What one check decided; each check is recorded as exactly one visit with one outcome. */
public enum Outcome implements Coded {
    /** The service confirmed a valid qualification (資格有効性 1, or 6 医療扶助). */
    CONFIRMED("confirmed"),
    /** Accepted on a document without the service; a re-check is pending. */
    PROVISIONAL("provisional"),
    /** Accepted with a 被保険者資格申立書; a re-check is pending. */
    DECLARED("declared"),
    /** No insurance can be accepted today (10割; 療養費 later). */
    REJECTED("rejected"),
    /** No decision: card problem, patient left, staff cancelled; nothing is billed. */
    STOPPED("stopped");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Outcome fromCode(String code) {
        return Coded.of(values(), code, "outcome");
    }
}
