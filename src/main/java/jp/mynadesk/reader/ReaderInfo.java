package jp.mynadesk.reader;

import java.util.Optional;

/** One reader as listed: its name, whether a card is on it, and that card's ATR (hex) when present. */
public record ReaderInfo(String name, boolean cardPresent, Optional<String> atr) {}
