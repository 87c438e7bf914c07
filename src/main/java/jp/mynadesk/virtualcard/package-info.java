/**
 * {@code EmulatedCard} (the seam every card model implements: ATR, power, APDU in/out, never throws); {@code
 * MyNumberCard} (JPKI AP and 券面事項入力補助AP, file system, PINs, RSA signing, security state per AP); {@code CardProfile}
 * / {@code CardProfiles} (JSON, built-ins plus files; {@code ProfileFiles} resolves a name or a file for card and
 * reader profiles alike, refusing FIFOs and files over 1 MiB); {@code ReplayCard} (answers from a recorded {@code
 * Trace}, events included, reports the first differing command); {@code CardFault} ({@code EmulatedCard.takeFault()}:
 * a card that leaves the slot or fails the exchange, honoured by both carriers).
 *
 * <p><b>One card model, three carriers.</b> APDU-level tests call {@code EmulatedCard.process} directly; the in-JVM
 * reader and the vpcd bridge carry the same object, so behaviour proven at one level holds at the others.
 */
package jp.mynadesk.virtualcard;
