package jp.mynadesk.documents;

import java.util.Optional;
import jp.mynadesk.format.Labelled;

/** 性別 as printed on the 資格確認書. JSON uses the code; the QR payload uses the digit (1 男, 2 女) as in レセプト. */
public enum Sex implements Labelled {
    MALE("male", "男", '1'),
    FEMALE("female", "女", '2');

    private final Words words;
    private final char digit;

    Sex(String code, String label, char digit) {
        this.words = new Words(code, label);
        this.digit = digit;
    }

    @Override
    public Words words() {
        return words;
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
            if (x.code().equalsIgnoreCase(s.strip()) || x.label().equals(s.strip()) || s.strip().equals(String.valueOf(x.digit))) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }
}
