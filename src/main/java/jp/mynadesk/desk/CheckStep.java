package jp.mynadesk.desk;

import jp.mynadesk.format.Coded;

/**
 * The card and service steps of a check, in order, announced to a {@link StepListener} just before each runs:
 * screens show progress with them, and scenarios pull the card at one of them.
 */
public enum CheckStep implements Coded {
    SELECT("select"), CERTIFICATE("certificate"), RETRIES("retries"), VERIFY("verify"), SIGN("sign"), SERVICE("service");

    private final String code;

    CheckStep(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static java.util.Optional<CheckStep> fromCode(String code) {
        return Coded.find(values(), code);
    }

    /** Hears each step before it runs. */
    @FunctionalInterface
    public interface StepListener {
        StepListener NONE = step -> { };

        void before(CheckStep step);
    }
}
