package jp.mynadesk.rules;

/** What a 保険者番号 as entered turned out to be. */
public sealed interface InsurerNumberCheck {
    String input();

    boolean valid();

    /** Digits of the right length: judged by its check digit. */
    record WellFormed(String input, InsurerKind kind, int expectedCheckDigit, boolean valid) implements InsurerNumberCheck {
        /** 都道府県番号 (01–47); reported, but not part of validity: 不詳請求's 77777779 has 77. */
        public String prefecture() {
            return input.length() == 6 ? input.substring(0, 2) : input.substring(2, 4);
        }

        public boolean prefectureInRange() {
            int p = Integer.parseInt(prefecture());
            return p >= 1 && p <= 47;
        }
    }

    /** Not a 保険者番号 at all; {@code reason} is a contract code. */
    record Malformed(String input, String reason) implements InsurerNumberCheck {
        public static final String NOT_DIGITS = "not-digits";
        public static final String BAD_LENGTH = "bad-length";

        @Override
        public boolean valid() {
            return false;
        }
    }
}
