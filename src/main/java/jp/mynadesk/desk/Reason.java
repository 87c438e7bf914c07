package jp.mynadesk.desk;

import jp.mynadesk.reader.PcscProblem;

/**
 * Why a check ended as it did, or a warning: a code from the catalogue and, for PIN problems, the tries left.
 * {@code reader}, when not null, is the reader problem behind a {@code reader-unavailable} or {@code card-removed}:
 * the catalogue then says that problem and its next step, the same words {@code doctor} and the status line use.
 * {@code sentence}, when not null, says the same code more precisely for this case (a card that was never put on the
 * reader, under {@code card-removed}; or a visit recorded with an older wording); it comes from {@link StaffText}
 * and is kept with the visit.
 */
public record Reason(ReasonCode code, Integer triesLeft, String sentence, PcscProblem reader) {
    public Reason(ReasonCode code, Integer triesLeft) {
        this(code, triesLeft, null, null);
    }

    public Reason(ReasonCode code, Integer triesLeft, String sentence) {
        this(code, triesLeft, sentence, null);
    }

    public static Reason of(ReasonCode code) {
        return new Reason(code, null);
    }

    /** The code, said more precisely for this case. */
    public static Reason said(ReasonCode code, String sentence) {
        return new Reason(code, null, sentence);
    }

    /** A reader problem under the desk's code for it. */
    public static Reason reader(ReasonCode code, PcscProblem problem) {
        return new Reason(code, null, null, problem);
    }
}
