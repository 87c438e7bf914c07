package jp.mynadesk.documents;

import java.util.Locale;

/**
 * Recognises fields that would carry (part of) a My Number, such as the お知らせ's last four digits. Readers drop
 * them before anything else looks at the input, so they are never stored, echoed or written back.
 */
public final class MyNumberFields {
    private MyNumberFields() {}

    public static boolean isMyNumberField(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}\\u30FC]", "");
        return k.contains("mynumber") || k.contains("mynum") || k.contains("kojinbango") || k.contains("individualnumber")
                || k.contains("マイナンバー") || k.contains("個人番号");
    }
}
