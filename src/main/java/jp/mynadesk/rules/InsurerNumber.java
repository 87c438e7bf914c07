package jp.mynadesk.rules;

/**
 * A 保険者番号: 8 digits (法別 2 + 都道府県 2 + 保険者別 3 + 検証 1), or 6 for 国民健康保険 (docs/RULES.md §2).
 */
public record InsurerNumber(String digits) {
    /** 不詳請求 where any number is accepted. */
    public static final String UNKNOWN_INSURER = "77777777";
    /** 不詳請求 where a valid check digit is required. */
    public static final String UNKNOWN_INSURER_CHECKED = "77777779";

    public InsurerNumber {
        if (!(check(digits) instanceof InsurerNumberCheck.WellFormed w) || !w.valid()) {
            throw new IllegalArgumentException("not a valid insurer number: " + digits);
        }
    }

    public InsurerKind kind() {
        return InsurerKind.of(digits);
    }

    /** Judges a number as entered. Never throws. */
    public static InsurerNumberCheck check(String input) {
        if (input == null || input.isEmpty() || !input.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new InsurerNumberCheck.Malformed(input == null ? "" : input, InsurerNumberCheck.Malformed.NOT_DIGITS);
        }
        if (input.length() != 6 && input.length() != 8) {
            return new InsurerNumberCheck.Malformed(input, InsurerNumberCheck.Malformed.BAD_LENGTH);
        }
        int expected = CheckDigit.of(input.substring(0, input.length() - 1));
        int actual = input.charAt(input.length() - 1) - '0';
        return new InsurerNumberCheck.WellFormed(input, InsurerKind.of(input), expected, expected == actual);
    }

    public static boolean isValid(String input) {
        return check(input).valid();
    }
}
