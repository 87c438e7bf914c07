package jp.mynadesk.text;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text from outside the program (a name from a QR code or the service, a trace header, a file name) made safe to
 * show. A control character could act on the screen instead of being shown: ESC starts a terminal escape sequence
 * (colours, cursor moves, a changed window title), CR returns to the line's start and overwrites it, NUL cuts a
 * line short in some tools, and a bidi override (U+202E) shows the rest of a name reversed. Each such character is
 * shown as its code instead ({@code \u001B}, {@code \u202E}), so staff see that something odd was there.
 *
 * <p>Neutralised: C0 controls (U+0000–001F), DEL (U+007F), C1 controls (U+0080–009F), the bidi controls U+061C,
 * U+200E, U+200F, U+202A–202E, U+2066–2069, and the line and paragraph separators U+2028/U+2029. {@link #line} is
 * for a value shown within a line (every such character, line breaks and tabs too); {@link #writer} guards
 * everything a command prints, keeping the line breaks and tabs the program writes itself.
 */
public final class SafeText {
    private SafeText() {}

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Whether {@code c} must never reach a terminal, a CSV file or a page as it is. */
    public static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029;
    }

    /** A value shown within one line: every unsafe character, line breaks and tabs included, as its code; null stays null. */
    public static String line(String s) {
        return clean(s, false);
    }

    /** Text that may span lines: as {@link #line}, but LF and TAB are kept. */
    public static String text(String s) {
        return clean(s, true);
    }

    private static String clean(String s, boolean keepLayout) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !mustEscape(s.charAt(i), keepLayout)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 12).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (mustEscape(c, keepLayout)) {
                escape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean mustEscape(char c, boolean keepLayout) {
        return unsafe(c) && !(keepLayout && (c == '\n' || c == '\t'));
    }

    private static void escape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
    }

    /**
     * Everything printed through the result is {@link #text}-cleaned on its way to {@code out}: LF and TAB pass, and
     * so does CR directly before LF (a CRLF line end); any other unsafe character is written as its code. Inside JSON
     * text the code is the JSON escape of the same character, so {@code --json} output stays valid and equal in value.
     */
    public static PrintWriter writer(PrintWriter out) {
        return out instanceof Guarded ? out : new Guarded(out);
    }

    /**
     * Returns the cursor to the start of the line, for a progress line that rewrites itself ({@code 再照会中: 3 / 10 件}):
     * the one place a bare CR is meant, so it bypasses the {@link #writer} guard.
     */
    public static void carriageReturn(PrintWriter out) {
        if (out instanceof Guarded g) {
            g.flush();
            g.raw.print('\r');
        } else {
            out.print('\r');
        }
    }

    private static final class Guarded extends PrintWriter {
        final PrintWriter raw;

        Guarded(PrintWriter raw) {
            super(new Cleaning(raw), true);
            this.raw = raw;
        }
    }

    private static final class Cleaning extends FilterWriter {
        Cleaning(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            write(new char[] {(char) c}, 0, 1);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            write(s.toCharArray(), off, len);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            int end = off + len;
            int from = off;
            for (int i = off; i < end; i++) {
                char c = buf[i];
                if (!unsafe(c) || c == '\n' || c == '\t' || (c == '\r' && i + 1 < end && buf[i + 1] == '\n')) {
                    continue;
                }
                out.write(buf, from, i - from);
                StringBuilder code = new StringBuilder(6);
                escape(code, c);
                out.write(code.toString());
                from = i + 1;
            }
            out.write(buf, from, end - from);
        }
    }
}
