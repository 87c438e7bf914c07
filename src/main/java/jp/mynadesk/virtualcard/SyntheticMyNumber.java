package jp.mynadesk.virtualcard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A made-up 12-digit 個人番号 for the emulated card: 11 digits derived from a seed plus the check digit of the
 * My Number rule (個人番号の検査用数字, 総務省令 第五条). It is synthetic, but any 12 digits could belong to a real
 * person, so it is only ever placed in the card's text AP EF 0001 and never logged or printed.
 */
final class SyntheticMyNumber {
    private SyntheticMyNumber() {}

    static String derive(String seed) {
        byte[] digest = sha256("synthetic-my-number:" + seed);
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; digits.length() < 11; i++) {
            digits.append((digest[i] & 0xFF) % 10);
        }
        return digits.append(checkDigit(digits.toString())).toString();
    }

    /**
     * Check digit for 11 digits: with P(n) the n-th digit counted from the right of the 11 and
     * Q(n) = n + 1 for n ≤ 6, n − 5 for n ≥ 7, r = Σ P(n)·Q(n) mod 11; the digit is 0 when r ≤ 1, else 11 − r.
     */
    static int checkDigit(String elevenDigits) {
        if (elevenDigits.length() != 11) {
            throw new IllegalArgumentException("need 11 digits");
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = elevenDigits.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
