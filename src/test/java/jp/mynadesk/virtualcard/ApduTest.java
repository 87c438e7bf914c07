package jp.mynadesk.virtualcard;

import static jp.mynadesk.virtualcard.CardSession.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApduTest {

    private static Apdu parse(String h) {
        return Apdu.parse(hex(h)).orElseThrow(() -> new AssertionError("rejected " + h));
    }

    @Test
    void case1HasNoDataAndNoLe() {
        Apdu a = parse("00208080");
        assertEquals(0x00, a.cla());
        assertEquals(0x20, a.ins());
        assertEquals(0x80, a.p1());
        assertEquals(0x80, a.p2());
        assertEquals(0, a.data().length);
        assertEquals(0, a.ne());
    }

    @Test
    void case2ShortLeZeroMeans256() {
        assertEquals(256, parse("00B0000000").ne());
        assertEquals(0x20, parse("00B0000020").ne());
    }

    @Test
    void case3And4Short() {
        Apdu c3 = parse("0020008004 31323334");
        assertArrayEquals(hex("31323334"), c3.data());
        assertEquals(0, c3.ne());
        Apdu c4 = parse("802A008003 AABBCC 00");
        assertArrayEquals(hex("AABBCC"), c4.data());
        assertEquals(256, c4.ne());
    }

    @Test
    void case2ExtendedLe() {
        assertEquals(65536, parse("00B08A00 000000").ne());
        assertEquals(0x0400, parse("00B08A04 000400").ne());
    }

    @Test
    void case3And4Extended() {
        byte[] data = new byte[300];
        byte[] c3 = new byte[7 + 300];
        System.arraycopy(hex("802A0080 00012C"), 0, c3, 0, 7);
        Apdu a3 = Apdu.parse(c3).orElseThrow();
        assertEquals(300, a3.data().length);
        assertEquals(0, a3.ne());

        byte[] c4 = java.util.Arrays.copyOf(c3, c3.length + 2);
        Apdu a4 = Apdu.parse(c4).orElseThrow();
        assertArrayEquals(data, a4.data());
        assertEquals(65536, a4.ne());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "00A404", "00A4040C0A D392", "0020008004 3132333435 0000", "00B0000000 01",
        "00B00000 0000AA BB", "00B00000 000000 00"})
    void inconsistentLengthsAreRejected(String h) {
        assertTrue(Apdu.parse(hex(h)).isEmpty(), h);
    }

    @Test
    void nullIsRejected() {
        assertTrue(Apdu.parse(null).isEmpty());
    }
}
