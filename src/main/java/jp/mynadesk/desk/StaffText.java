package jp.mynadesk.desk;

/**
 * The one catalogue of staff wording that every renderer (terminal, {@code check}, web, scenarios) uses. Reason
 * sentences live in {@link ReasonCode}; this class composes them with what varies (tries left).
 */
public final class StaffText {
    private StaffText() {}

    /** The reason's sentence, with the tries left where the card said them. */
    public static String message(Reason r) {
        return r.triesLeft() == null ? r.code().message()
                : withTries(r.code().message(), r.triesLeft());
    }

    private static String withTries(String sentence, int triesLeft) {
        String stem = sentence.endsWith("。") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return stem + "（残り" + triesLeft + "回）。";
    }
}
