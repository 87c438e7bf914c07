package jp.mynadesk.documents;

import java.util.Locale;

/**
 * Recognises fields that would carry (part of) a My Number, such as the お知らせ's last four digits. Readers drop
 * them before anything else looks at the input, so they are never stored, echoed or written back.
 */
public final class MyNumberFields {
    private MyNumberFields() {}

    public static boolean isMyNumberField(String key) {
        String k = lettersOnly(key.toLowerCase(Locale.ROOT));
        return k.contains("mynumber") || k.contains("mynum") || k.contains("kojinbango") || k.contains("individualnumber")
                || k.contains("マイナンバー") || k.contains("個人番号");
    }

    /**
     * The key without separators, spaces and other marks: only a-z, 0-9, kanji, katakana, hiragana and ー are kept,
     * so {@code my_number}, {@code My-Number} and {@code マイ・ナンバー} read alike. A loop rather than a regular
     * expression: this runs for every key of every document, and the Unicode script tables are looked up only for
     * characters outside ASCII.
     */
    static String lettersOnly(String key) {
        StringBuilder kept = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); ) {
            int c = key.codePointAt(i);
            i += Character.charCount(c);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == 0x30FC || (c >= 0x80 && isJapaneseScript(c))) {
                kept.appendCodePoint(c);
            }
        }
        return kept.toString();
    }

    private static boolean isJapaneseScript(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HIRAGANA;
    }
}
