package jp.mynadesk.virtualcard;

import java.util.Optional;

/**
 * A card as a reader sees it: an ATR, power, and APDUs in and out. The in-JVM reader, the vpcd bridge
 * and APDU-level tests all drive a card through this one seam, so the same card model serves all three.
 *
 * <p>Implementations never throw from {@link #process}: every byte sequence gets a response that ends in a
 * status word, as a real chip would answer.
 */
public interface EmulatedCard {

    /** The answer-to-reset the card presents (contact ATR). */
    byte[] atr();

    /** Power applied (cold start): volatile security state starts empty. */
    void powerOn();

    /** Power removed: every verified PIN and selection is forgotten. */
    void powerOff();

    /** Warm reset: selections are reset; on a My Number card a verified PIN survives (docs/CARD.md §3.8). */
    void reset();

    /** One command APDU in, one response APDU (data followed by SW1 SW2) out. Never throws. */
    byte[] process(byte[] command);

    /**
     * Asked by the carrier right after {@link #process}: whether that command got no answer because something
     * happened at the reader instead (a replayed removal, a reader profile dropping the card). Reading it clears it.
     * A model of a chip, such as {@link MyNumberCard}, never has one.
     */
    default Optional<CardFault> takeFault() {
        return Optional.empty();
    }
}
