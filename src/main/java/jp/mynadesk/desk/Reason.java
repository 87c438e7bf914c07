package jp.mynadesk.desk;

/**
 * Why a check ended as it did, or a warning: a code from the catalogue and, for PIN problems, the tries left.
 * {@code sentence}, when not null, says the same code more precisely for this case (a card that was never put on the
 * reader, under {@code card-removed}); it comes from {@link StaffText} and is kept with the visit.
 */
public record Reason(ReasonCode code, Integer triesLeft, String sentence) {
    public Reason(ReasonCode code, Integer triesLeft) {
        this(code, triesLeft, null);
    }

    public static Reason of(ReasonCode code) {
        return new Reason(code, null);
    }

    /** The code, said more precisely for this case. */
    public static Reason said(ReasonCode code, String sentence) {
        return new Reason(code, null, sentence);
    }
}
