package jp.mynadesk.oqs.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PeopleFileTest {
    @Test
    void newlineIsFoundAtEveryPositionOfAWordAndInTheTail() {
        for (int length = 0; length < 40; length++) {
            for (int at = -1; at < length; at++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 0x8A); // high bit set and 0x0A in the low bits: no false match
                if (at >= 0) {
                    bytes[at] = '\n';
                }
                for (int from = 0; from <= Math.max(0, at); from++) {
                    assertEquals(at >= from ? at : -1, PeopleFile.newline(bytes, from, length), length + "/" + at + "/" + from);
                }
            }
        }
    }

    @Test
    void theFirstOfTwoNewlinesIsFound() {
        byte[] bytes = "abcdefg\nhij\nk".getBytes(StandardCharsets.US_ASCII);
        assertEquals(7, PeopleFile.newline(bytes, 0, bytes.length));
        assertEquals(11, PeopleFile.newline(bytes, 8, bytes.length));
        assertEquals(-1, PeopleFile.newline(bytes, 12, bytes.length));
    }
}
