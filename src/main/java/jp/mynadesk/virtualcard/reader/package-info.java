/**
 * The in-JVM virtual reader: a real {@code javax.smartcardio} provider whose readers hold
 * {@link jp.mynadesk.virtualcard.EmulatedCard}s.
 *
 * <p>Code under test receives a {@link javax.smartcardio.TerminalFactory} and cannot tell this reader from
 * SunPCSC over pcscd, so the provider imitates SunPCSC's observable behaviour (exception types and their
 * order, {@code SCARD_*} causes, exclusive access bound to a thread, automatic 61xx/6Cxx handling, the
 * 258-byte buffer rule, the 8192-byte receive buffer). See firmware-notes/pcscd-vpcd.md §2.
 *
 * <p>Entry point: {@link jp.mynadesk.virtualcard.reader.VirtualTerminals#factory()}. Nothing here registers a
 * provider globally or keeps static mutable state.
 */
package jp.mynadesk.virtualcard.reader;
