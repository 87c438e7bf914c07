package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentAnswerTest {

    @ParameterizedTest
    @ValueSource(strings = {"y", "Y", "yes", "YES", "Yes", " y ", "はい", "　はい　", "ｙ", "Ｙ", "ｙｅｓ", "ＹＥＳ"})
    void yes(String typed) {
        assertEquals(Optional.of(true), ConsentAnswer.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "N", "no", "NO", "No", "  n", "いいえ", "ｎ", "Ｎ", "ｎｏ", "ＮＯ", "いいえ　"})
    void no(String typed) {
        assertEquals(Optional.of(false), ConsentAnswer.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "　", "1234", "１２３４", "ok", "OK", "yy", "nope", "y n", "はいいいえ", "0", "1", "2",
            "同意する", "v", "d", "m", "q"})
    void anythingElseIsAskedAgain(String typed) {
        assertEquals(Optional.empty(), ConsentAnswer.parse(typed));
    }

    @org.junit.jupiter.api.Test
    void noInputIsNoAnswer() {
        assertEquals(Optional.empty(), ConsentAnswer.parse(null));
    }
}
