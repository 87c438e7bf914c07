package jp.mynadesk.virtualcard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** GET CHALLENGE (what pkcs11-tool's C_GenerateRandom sends): short Le 1–256, extended form refused with 6985. */
class MyNumberCardChallengeTest {
    private final CardSession s = CardSession.of("default");

    @Test
    void answersLeRandomBytesWithoutAnyApSelected() {
        assertEquals(0x9000, s.send("0084000008"));
        assertEquals(8 + 2, s.lastLength());
        assertEquals(0x9000, s.send("0084000001"));
        assertEquals(1 + 2, s.lastLength());
        assertEquals(0x9000, s.send("0084000000")); // Le 00 = 256
        assertEquals(256 + 2, s.lastLength());
    }

    @Test
    void successiveChallengesDifferAndAFreshCardRepeatsTheSequence() {
        s.send("0084000010");
        byte[] first = s.data();
        s.send("0084000010");
        byte[] second = s.data();
        assertFalse(Arrays.equals(first, second));
        CardSession again = CardSession.of("default");
        again.send("0084000010");
        assertArrayEquals(first, again.data());
    }

    @Test
    void extendedFormIsRefusedWith6985() {
        assertEquals(0x6985, s.send("00840000000008"));
        assertEquals(0x6985, s.send("00840000000000"));
    }

    @Test
    void badParametersAndLengths() {
        assertEquals(0x6A86, s.send("0084010008"));
        assertEquals(0x6700, s.send("00840000")); // no Le
        assertEquals(0x6700, s.send("008400000101")); // command data
    }
}
