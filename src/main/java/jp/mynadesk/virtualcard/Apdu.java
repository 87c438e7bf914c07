package jp.mynadesk.virtualcard;

import java.util.Arrays;
import java.util.Optional;

/**
 * A command APDU split into header, data and expected length per ISO/IEC 7816-4 §5.1 (cases 1–4, short and
 * extended). Real My Number cards accept extended lengths (docs/CARD.md §1.3), so both forms are parsed.
 *
 * @param ne expected response length: 0 when the command has no Le field, 1–256 for short Le (00 = 256),
 *           1–65536 for extended Le (0000 = 65536)
 */
record Apdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
    private static final byte[] NO_DATA = new byte[0];

    boolean hasData() {
        return data.length > 0;
    }

    /** Parses a command; empty when the length fields do not agree with the byte count (the card answers 6700). */
    static Optional<Apdu> parse(byte[] b) {
        if (b == null || b.length < 4) {
            return Optional.empty();
        }
        int n = b.length;
        if (n == 4) {
            return Optional.of(of(b, NO_DATA, 0)); // case 1
        }
        int b4 = b[4] & 0xFF;
        if (n == 5) {
            return Optional.of(of(b, NO_DATA, b4 == 0 ? 256 : b4)); // case 2 short
        }
        if (b4 != 0) { // short Lc: case 3 or 4 short
            if (n == 5 + b4) {
                return Optional.of(of(b, Arrays.copyOfRange(b, 5, n), 0));
            }
            if (n == 6 + b4) {
                int le = b[n - 1] & 0xFF;
                return Optional.of(of(b, Arrays.copyOfRange(b, 5, n - 1), le == 0 ? 256 : le));
            }
            return Optional.empty();
        }
        // b4 == 00 and more bytes follow: extended form
        if (n < 7) {
            return Optional.empty();
        }
        int x = ((b[5] & 0xFF) << 8) | (b[6] & 0xFF);
        if (n == 7) {
            return Optional.of(of(b, NO_DATA, x == 0 ? 65536 : x)); // case 2 extended
        }
        if (x == 0) {
            return Optional.empty(); // an extended Lc of 0 is not a valid encoding
        }
        if (n == 7 + x) {
            return Optional.of(of(b, Arrays.copyOfRange(b, 7, n), 0)); // case 3 extended
        }
        if (n == 9 + x) {
            int le = ((b[n - 2] & 0xFF) << 8) | (b[n - 1] & 0xFF);
            return Optional.of(of(b, Arrays.copyOfRange(b, 7, n - 2), le == 0 ? 65536 : le)); // case 4 extended
        }
        return Optional.empty();
    }

    private static Apdu of(byte[] b, byte[] data, int ne) {
        return new Apdu(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF, data, ne);
    }
}
