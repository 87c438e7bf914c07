package jp.mynadesk.card;

/**
 * The one seam between the JPKI driver and whatever carries APDUs (javax.smartcardio, a replayed trace,
 * a test). Decorators (tracing, GET RESPONSE handling) wrap it; each does one thing.
 */
@FunctionalInterface
public interface CardTransport {

    /**
     * Sends one command APDU and returns the card's answer.
     *
     * @throws CardTransportException when the reader or the PC/SC layer failed (card removed, reader gone, ...)
     * @throws MalformedResponseException when the answer has no status word
     */
    ResponseApdu transmit(byte[] command);
}
