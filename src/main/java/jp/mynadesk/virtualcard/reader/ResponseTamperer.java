package jp.mynadesk.virtualcard.reader;

/**
 * Fault injection on the wire between reader and card: sees every command the reader sends to the card and the
 * card's response (after the T=0 layer, before the host's 61xx / 6Cxx handling), and returns what the host
 * receives instead.
 *
 * <p>Throwing a {@link PcscStatus} makes that exchange fail with that PC/SC code, exactly where SunPCSC's
 * {@code SCardTransmit} would fail (so {@code SCARD_W_REMOVED_CARD} moves the {@code Card} to its removed state).
 * The tamperer runs outside the reader's lock, so it may call {@link VirtualTerminal#remove()} to pull the card
 * mid-exchange.
 */
@FunctionalInterface
public interface ResponseTamperer {

    /** Leaves every response alone. */
    ResponseTamperer NONE = (command, response) -> response;

    /**
     * @param command the bytes the reader sent (a copy)
     * @param response the card's response, data followed by SW1 SW2
     * @return the response the host receives
     */
    byte[] tamper(byte[] command, byte[] response) throws PcscStatus;
}
