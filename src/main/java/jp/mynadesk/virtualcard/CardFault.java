package jp.mynadesk.virtualcard;

/**
 * What happened at the reader instead of an answer to the last command: a replayed recording or a reader profile
 * can make the card leave the slot or the exchange fail. The carrier (in-JVM reader, vpcd bridge) asks
 * {@link EmulatedCard#takeFault()} after each command and then drops the answer.
 */
public sealed interface CardFault {

    /** The card left the reader during this command (pulled out, out of the NFC field). */
    record LeftReader() implements CardFault {}

    /** The reader itself went away during this command (unplugged). */
    record ReaderGone() implements CardFault {}

    /** The exchange failed with this PC/SC error, by its {@code SCARD_*} name. */
    record PcscError(String scardName) implements CardFault {}
}
