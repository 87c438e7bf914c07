/**
 * Replaying a recorded card session (docs/TRACE.md) through the in-JVM reader: {@link jp.mynadesk.replay.JpkiReplay}
 * drives the host side, {@link jp.mynadesk.virtualcard.ReplayCard} plays the card.
 *
 * <p>{@code JpkiReplay}: the host side of {@code trace replay} (JPKI steps against a {@code ReplayCard} in the in-JVM
 * reader, optionally through a reader profile) → {@code ReplayReport}.
 */
package jp.mynadesk.replay;
