package jp.mynadesk.documents;

import java.util.Optional;

/** 性別 as printed on the 資格確認書. JSON uses the code; the QR payload uses the digit (1 男, 2 女) as in レセプト. */
public enum Sex {
    MALE("male", "男", '1'),
    FEMALE("female", "女", '2');

    private final String code;
    private final String label;
    private final char digit;

    Sex(String code, String label, char digit) {
        this.code = code;
        this.label = label;
        this.digit = digit;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public char digit() {
        return digit;
    }

    /** Accepts the JSON code, the printed kanji or the digit. */
    public static Optional<Sex> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Sex x : values()) {
            if (x.code.equalsIgnoreCase(s.strip()) || x.label.equals(s.strip()) || s.strip().equals(String.valueOf(x.digit))) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }
}
