/**
 * Replaying a recorded card session (docs/TRACE.md) through the in-JVM reader: {@link jp.mynadesk.replay.JpkiReplay}
 * drives the host side, {@link jp.mynadesk.virtualcard.ReplayCard} plays the card.
 */
package jp.mynadesk.replay;
