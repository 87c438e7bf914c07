package jp.mynadesk.rules;

/**
 * The 検証番号 of a 保険者番号: the Luhn scheme (docs/RULES.md §2). Weights 2, 1, 2, … from the digit next to the
 * check digit; a two-digit product counts as the sum of its digits.
 */
public final class CheckDigit {
    private CheckDigit() {}

    /** The check digit for {@code body}, which must be ASCII digits only. */
    public static int of(String body) {
        int sum = 0;
        boolean doubled = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i + ": " + body);
            }
            int d = c - '0';
            int p = doubled ? d * 2 : d;
            sum += p > 9 ? p - 9 : p;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
