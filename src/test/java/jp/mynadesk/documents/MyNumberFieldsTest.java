package jp.mynadesk.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MyNumberFieldsTest {
    /** The rule as a regular expression (what the code did before the loop): the oracle. */
    private static final String KEEP = "[^a-z0-9\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}\\u30FC]";

    @Test
    void keepsWhatTheRegularExpressionKept() {
        List<String> keys = List.of("my_number", "My-Number", "mynum", "kojin bango", "マイ・ナンバー", "個人番号（下4桁）",
                "ｍｙｎｕｍｂｅｒ", "ﾏｲﾅﾝﾊﾞｰ", "𠀋番号", "😀mynumber", "", "insurerNumber", "ひらがな", "ー", "\u0000\uD800x");
        for (String key : keys) {
            assertEquals(key.replaceAll(KEEP, ""), MyNumberFields.lettersOnly(key), key);
        }
        Random random = new Random(14);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder key = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                key.appendCodePoint(random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x3_0000));
            }
            String k = key.toString();
            assertEquals(k.replaceAll(KEEP, ""), MyNumberFields.lettersOnly(k), () -> k.codePoints().mapToObj(Integer::toHexString).toList().toString());
        }
    }

    @Test
    void recognisesMyNumberFieldsWhateverTheSeparators() {
        for (String key : List.of("myNumber", "my_number", "MY-NUMBER", "individual number", "マイ・ナンバー", "個人番号", "kojin_bango")) {
            assertTrue(MyNumberFields.isMyNumberField(key), key);
        }
        for (String key : List.of("number", "insurerNumber", "symbol", "番号")) {
            assertFalse(MyNumberFields.isMyNumberField(key), key);
        }
    }
}
