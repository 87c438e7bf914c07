package jp.mynadesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Scans files' raw bytes for secrets at rest: any run of 12 or more digits (a My Number, in ASCII/UTF-8 or UTF-16)
 * and each given PIN standing alone (not inside a longer number, nor inside an encoded digest such as the audit
 * chain's base64 hashes: under the installation's random key, four PIN digits between letters of a hash turn up by
 * chance, as in one CI run), in the same encodings. Used on the database, its WAL and backups; a hit names the file, the offset and what was found.
 */
public final class SecretScan {
    public static final int MY_NUMBER_DIGITS = 12;
    /**
     * The shortest run of base64 or hex characters taken for an encoded digest (the chain's hashes are 44, a key id
     * 12, a SHA-256 in hex 64); a PIN inside one is chance. Shorter words around a PIN ("pin1234") still count.
     */
    static final int DIGEST_CHARS = 16;

    public record Hit(Path file, long offset, String what) {}

    private SecretScan() {}

    public static List<Hit> scan(Collection<Path> files, Collection<String> pins) {
        List<Hit> hits = new ArrayList<>();
        for (Path f : files) {
            if (Files.exists(f)) {
                hits.addAll(scan(f, pins));
            }
        }
        return hits;
    }

    public static List<Hit> scan(Path file, Collection<String> pins) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Hit> hits = new ArrayList<>();
        for (Encoding enc : Encoding.values()) {
            for (int start = 0; start < bytes.length; ) {
                int len = digitRun(bytes, start, enc);
                if (len == 0) {
                    start++;
                    continue;
                }
                String digits = digits(bytes, start, len, enc);
                if (len >= MY_NUMBER_DIGITS) {
                    hits.add(new Hit(file, start, len + "-digit run (" + enc + ")"));
                } else if (pins.contains(digits) && encodedToken(bytes, start, len, enc) < DIGEST_CHARS) {
                    hits.add(new Hit(file, start, "PIN (" + enc + ")"));
                }
                start += len * enc.width;
            }
        }
        return hits;
    }

    private enum Encoding {
        UTF8(1, 0), UTF16LE(2, 0), UTF16BE(2, 1);

        final int width;
        final int digitAt;

        Encoding(int width, int digitAt) {
            this.width = width;
            this.digitAt = digitAt;
        }

        boolean digit(byte[] b, int at) {
            if (at + width > b.length) {
                return false;
            }
            byte d = b[at + digitAt];
            return d >= '0' && d <= '9' && (width == 1 || b[at + 1 - digitAt] == 0);
        }

        boolean encoded(byte[] b, int at) {
            if (at < 0 || at + width > b.length || (width == 2 && b[at + 1 - digitAt] != 0)) {
                return false;
            }
            byte d = b[at + digitAt];
            return d >= '0' && d <= '9' || d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d == '+' || d == '/'
                    || d == '_' || d == '-';
        }
    }

    /** Digits starting at {@code start} in {@code enc}, 0 unless the run starts there (not preceded by a digit). */
    private static int digitRun(byte[] b, int start, Encoding enc) {
        if (!enc.digit(b, start) || (start >= enc.width && enc.digit(b, start - enc.width))) {
            return 0;
        }
        int len = 0;
        while (enc.digit(b, start + len * enc.width)) {
            len++;
        }
        return len;
    }

    /** The length of the run of base64 and hex characters (A-Z a-z 0-9 + / _ -) around the digits at {@code start}. */
    private static int encodedToken(byte[] b, int start, int len, Encoding enc) {
        int before = 0;
        while (enc.encoded(b, start - (before + 1) * enc.width)) {
            before++;
        }
        int after = 0;
        while (enc.encoded(b, start + (len + after) * enc.width)) {
            after++;
        }
        return before + len + after;
    }

    private static String digits(byte[] b, int start, int len, Encoding enc) {
        StringBuilder s = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            s.append((char) b[start + i * enc.width + enc.digitAt]);
        }
        return s.toString();
    }
}
