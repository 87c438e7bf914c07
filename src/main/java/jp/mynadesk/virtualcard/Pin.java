package jp.mynadesk.virtualcard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * A PIN (reference data) with its retry counter, as kept in a PIN EF (docs/CARD.md §2.5, §3.3). The counter lives on
 * the card object, so it survives power cycles; whether the PIN is currently verified is security state of the
 * application that holds it (see {@link CardApplication}), not of the PIN.
 */
final class Pin {

    /** Which values a PIN may take (docs/CARD.md §2.5). */
    enum Format {
        /** 利用者証明用 / 券面事項入力補助用: 4 digits. */
        FOUR_DIGITS(Pattern.compile("[0-9]{4}")),
        /** 署名用: 6–16 of upper-case A–Z and 0–9. */
        SIGNATURE_PASSWORD(Pattern.compile("[A-Z0-9]{6,16}"));

        private final Pattern pattern;

        Format(Pattern pattern) {
            this.pattern = pattern;
        }

        boolean accepts(String value) {
            return value != null && pattern.matcher(value).matches();
        }
    }

    private final Format format;
    private final int maxTries;
    private byte[] value; // null: no reference data was ever set (顔認証マイナンバーカード)
    private int triesLeft;

    private Pin(Format format, String value, int maxTries, int triesLeft) {
        this.format = format;
        this.value = value == null ? null : value.getBytes(StandardCharsets.US_ASCII);
        this.maxTries = maxTries;
        this.triesLeft = triesLeft;
    }

    static Pin of(Format format, String value, int maxTries, int triesLeft) {
        if (!format.accepts(value) || triesLeft < 0 || triesLeft > maxTries) {
            throw new IllegalArgumentException("PIN does not fit its format or counter range");
        }
        return new Pin(format, value, maxTries, triesLeft);
    }

    /** A PIN EF without reference data: the retry query answers its full count, VERIFY with data 6A88 (§2.6). */
    static Pin unset(Format format, int maxTries) {
        return new Pin(format, null, maxTries, maxTries);
    }

    boolean isSet() {
        return value != null;
    }

    boolean isBlocked() {
        return triesLeft == 0;
    }

    int triesLeft() {
        return triesLeft;
    }

    Format format() {
        return format;
    }

    /**
     * One VERIFY attempt. A correct value resets the counter to its maximum (support.iam-jpki.jp, docs/CARD.md §2.5);
     * a wrong one costs a try.
     */
    boolean attempt(byte[] candidate) {
        if (MessageDigest.isEqual(value, candidate)) {
            triesLeft = maxTries;
            return true;
        }
        triesLeft = Math.max(0, triesLeft - 1);
        return false;
    }

    /** CHANGE REFERENCE DATA; the caller has checked the format and that the old value was verified. */
    void change(String newValue) {
        value = newValue.getBytes(StandardCharsets.US_ASCII);
        triesLeft = maxTries;
    }
}
