package jp.mynadesk.virtualcard.reader;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tamperer that changes nothing and records the wire as "command -> response" lines. */
final class WireLog implements ResponseTamperer {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public byte[] tamper(byte[] command, byte[] response) {
        HexFormat hex = HexFormat.of().withUpperCase();
        String r = hex.formatHex(response);
        lines.add(hex.formatHex(command) + " -> " + (r.length() > 12 ? "..." + r.substring(r.length() - 4) : r));
        return response;
    }
}
