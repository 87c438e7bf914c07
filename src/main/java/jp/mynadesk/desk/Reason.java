package jp.mynadesk.desk;

/** Why a check ended as it did, or a warning: a code from the catalogue and, for PIN problems, the tries left. */
public record Reason(ReasonCode code, Integer triesLeft) {
    public static Reason of(ReasonCode code) {
        return new Reason(code, null);
    }
}
