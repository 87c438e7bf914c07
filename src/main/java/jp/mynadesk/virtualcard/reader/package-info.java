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
 *
 * <p>The in-JVM {@code javax.smartcardio} provider ({@code VirtualPcscProvider}, obtained with {@code
 * TerminalFactory.getInstance("PC/SC", terminals, provider)} without global registration), failing exactly like
 * SunPCSC, with an optional T=0-like mode that answers 61xx / 6Cxx. {@code ReaderProfile} / {@code ReaderProfiles}
 * ({@code readers.json}, one per family in {@code firmware-notes/}): ATR, T=0, short APDUs only, response cap,
 * latency, drop after N s; {@code profile.plug(terminals)} in-JVM, {@code profile.overVpcd(card)} for {@code card
 * serve}.
 */
package jp.mynadesk.virtualcard.reader;
