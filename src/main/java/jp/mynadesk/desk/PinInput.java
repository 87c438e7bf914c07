package jp.mynadesk.desk;

import jp.mynadesk.rules.DocumentEntry;

/**
 * The PIN as a screen takes it, and what a screen refuses to take as something else. Full-width digits (an IME
 * left on) are converted in place, so 「１２３４」 is the PIN 1234, never a malformed try. Any prompt that is not the
 * PIN prompt refuses an answer that looks like a PIN (four digits) instead of using it silently.
 */
public final class PinInput {
    private PinInput() {}

    /** Full-width digits ０–９ to 0–9, in the caller's array (no copy of the PIN is made). */
    public static char[] halfWidth(char[] typed) {
        if (typed != null) {
            for (int i = 0; i < typed.length; i++) {
                if (typed[i] >= '０' && typed[i] <= '９') {
                    typed[i] = (char) ('0' + (typed[i] - '０'));
                }
            }
        }
        return typed;
    }

    /** Four digits (full-width too), as a PIN typed ahead at the wrong prompt would be. */
    public static boolean looksLikePin(String typed) {
        return typed != null && DocumentEntry.normalise(typed).matches("[0-9]{4}");
    }
}
