package jp.mynadesk.card;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of a trace body (docs/TRACE.md). Commands and responses keep their hex as written, with {@code **} for
 * a masked byte, so a parsed trace renders back to the same text and a masked byte can never be turned back into
 * a PIN.
 */
public sealed interface TraceEntry {

    /** The line as written in a trace file. */
    String line();

    /** A command APDU sent to the card, {@code micros} after the trace started. */
    record Command(long micros, String hex) implements TraceEntry {
        public Command {
            Objects.requireNonNull(hex, "hex");
        }

        public int length() {
            return hex.length() / 2;
        }

        /** How many bytes were masked (the PIN length of a masked VERIFY), 0 if none. */
        public int maskedBytes() {
            int n = 0;
            for (int i = 0; i < hex.length(); i += 2) {
                if (hex.charAt(i) == '*') {
                    n++;
                }
            }
            return n;
        }

        /** The INS byte (commands always have a clear header). */
        public int ins() {
            return Integer.parseInt(hex.substring(2, 4), 16);
        }

        /** True if {@code actual} is this command, any value standing in for a masked byte. */
        public boolean matches(byte[] actual) {
            if (actual.length != length()) {
                return false;
            }
            for (int i = 0; i < actual.length; i++) {
                String pair = hex.substring(2 * i, 2 * i + 2);
                if (!pair.equals("**") && Integer.parseInt(pair, 16) != (actual[i] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * As {@link #matches}, also accepting a short case 4 command that arrives without its Le: T=0 carries none
         * (the card answers 61xx instead), so a command recorded by the host reaches a T=0 card one byte shorter.
         */
        public boolean matchesAtTheCard(byte[] actual) {
            if (matches(actual)) {
                return true;
            }
            int n = length();
            boolean case4 = n >= 7 && !hex.startsWith("**", 8) && n == 6 + Integer.parseInt(hex.substring(8, 10), 16);
            return case4 && actual.length == n - 1 && new Command(micros, hex.substring(0, hex.length() - 2)).matches(actual);
        }

        /** The command's bytes, masked bytes as 00. */
        public byte[] bytes() {
            return HexFormat.of().parseHex(hex.replace('*', '0'));
        }

        @Override
        public String line() {
            return "> " + hex + stamp(micros);
        }
    }

    /** The card's answer to the command before it: data ({@code **} pairs when masked) and status word. */
    record Response(long micros, String dataHex, int sw) implements TraceEntry {
        public Response {
            Objects.requireNonNull(dataHex, "dataHex");
        }

        /** Data and status word as the card sent them; masked data comes back as zero bytes of the same length. */
        public byte[] toBytes() {
            return HexFormat.of().parseHex(dataHex.replace('*', '0') + StatusWord.hex(sw));
        }

        @Override
        public String line() {
            return "< " + dataHex + StatusWord.hex(sw) + stamp(micros);
        }
    }

    /** Something other than an answer happened (docs/TRACE.md, "Events"). */
    record Event(long micros, Kind kind, String detail) implements TraceEntry {
        public Event {
            Objects.requireNonNull(kind, "kind");
            detail = detail == null || detail.isBlank() ? null : detail.strip();
        }

        /** For {@link Kind#DELAY}: how long the card took to answer, in milliseconds. */
        public long delayMillis() {
            return kind == Kind.DELAY ? Long.parseLong(detail.substring(0, detail.length() - 2)) : 0;
        }

        @Override
        public String line() {
            return "! " + kind + (detail == null ? "" : " " + detail) + stamp(micros);
        }
    }

    /** A free comment; never parsed for meaning. */
    record Comment(String text) implements TraceEntry {
        public Comment {
            text = text.replace('\n', ' ').replace('\r', ' ').strip();
        }

        @Override
        public String line() {
            return text.isEmpty() ? "#" : "# " + text;
        }
    }

    /** The kinds of event line. */
    enum Kind {
        /** The card left the reader; with a {@code SCARD_*} name when a command failed because of it. */
        CARD_REMOVED,
        /** The reader itself went away (unplugged); with a {@code SCARD_*} name when a command failed. */
        READER_GONE,
        /** The command failed with this PC/SC error ({@code SCARD_*} name) for another reason. */
        PCSC_ERROR,
        /** The answer that follows took this long ({@code 1500ms}). */
        DELAY,
        /** The answer had no status word (free text detail). */
        MALFORMED_RESPONSE
    }

    /** Milliseconds since the start with microsecond digits, e.g. {@code " @12.345"}. */
    static String stamp(long micros) {
        return " @" + (micros / 1000) + "." + String.format("%03d", micros % 1000);
    }
}
