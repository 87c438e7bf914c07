package jp.mynadesk.desk;

import java.util.Locale;
import java.util.Optional;
import jp.mynadesk.rules.DocumentEntry;

/**
 * A yes/no answer as typed at a prompt, read strictly, because a consent answer is a legal record: {@code y},
 * {@code yes}, {@code はい} are yes; {@code n}, {@code no}, {@code いいえ} are no (full-width letters too, spaces
 * around and case ignored). Anything else — a blank line, a PIN typed ahead, {@code ok} — is no answer, and the
 * screen asks again: an unanswered question is asked, never defaulted.
 */
public final class ConsentAnswer {
    private ConsentAnswer() {}

    /** True for yes, false for no, empty when the text is neither (ask again). */
    public static Optional<Boolean> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = DocumentEntry.normalise(typed).replace('\u3000', ' ').strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "y", "yes", "はい" -> Optional.of(true);
            case "n", "no", "いいえ" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** What the screen says when the answer was neither yes nor no. */
    public static String askAgain() {
        return StaffText.consentAskAgain();
    }
}
