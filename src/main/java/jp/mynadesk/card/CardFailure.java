package jp.mynadesk.card;

import jp.mynadesk.reader.PcscProblem;

/** Why a card step did not succeed. Each case is a distinct thing the desk must handle differently. */
public sealed interface CardFailure {

    /** Wrong PIN; the card still allows {@code triesLeft} attempts (63Cx, x &gt; 0). */
    record WrongPin(int triesLeft) implements CardFailure {}

    /** The PIN is blocked (63C0 on the exhausting try, 6984 afterwards): only the municipal office can reset it. */
    record PinBlocked() implements CardFailure {}

    /** The card has no PIN set (顔認証マイナンバーカード): use visual (目視) mode. */
    record PinNotSet() implements CardFailure {}

    /** The card answered, but it is not a My Number card with a JPKI application (or an unknown token). */
    record NotJpkiCard(String detail) implements CardFailure {}

    /** The card left the reader in the middle of a step. */
    record CardRemoved() implements CardFailure {}

    /** The reader or PC/SC layer failed (kind says how). */
    record ReaderProblem(PcscProblem kind) implements CardFailure {}

    /** The card answered a status word this step does not expect. */
    record UnexpectedStatus(String step, int sw) implements CardFailure {
        @Override
        public String toString() {
            return "UnexpectedStatus[" + step + ", SW=" + StatusWord.hex(sw) + "]";
        }
    }

    /** The card's answer could not be understood (truncated, not DER, no status word). */
    record MalformedResponse(String step, String detail) implements CardFailure {}
}
