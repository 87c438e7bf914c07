package jp.mynadesk.virtualcard.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import jp.mynadesk.virtualcard.T0Transport;
import org.junit.jupiter.api.Test;

/** The card side of T=0, driven directly, one TPDU at a time. */
class T0TransportTest {

    private final T0Transport t0 = new T0Transport();

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private String send(TestCard card, String command) {
        return hex(t0.exchange(card, TestCard.hex(command)));
    }

    @Test
    void statusOnlyResponsesPassThrough() {
        assertEquals("6A82", send(TestCard.answering(c -> TestCard.sw(0x6A82)), "00A4040C02AABB"));
    }

    @Test
    void case2WithExactLeGetsTheDataDirectly() {
        assertEquals("0001029000", send(TestCard.withData(3), "00B0000003"));
        assertEquals(256 * 2 + 4, send(TestCard.withData(256), "00B0000000").length());
    }

    @Test
    void getResponseMayTakeTheDataInPieces() {
        TestCard card = TestCard.withData(5);
        assertEquals("6105", send(card, "00A4040C02AABB"));
        assertEquals("00016103", send(card, "00C0000002"));
        assertEquals("6C03", send(card, "00C0000004"));
        assertEquals("0203049000", send(card, "A0C0000003"));
        assertEquals(List.of("00A4040C02AABB"), card.commands);
    }

    @Test
    void anotherCommandDiscardsKeptData() {
        TestCard card = TestCard.withData(5);
        assertEquals("6105", send(card, "00A4040C02AABB"));
        assertEquals("6105", send(card, "00A4040C02CCDD"));
        assertEquals(2, card.commands.size());
    }

    @Test
    void getResponseWithNothingKeptGoesToTheCard() {
        TestCard card = TestCard.selectOnly();
        assertEquals("6D00", send(card, "00C0000010"));
        assertEquals(List.of("00C0000010"), card.commands);
    }

    @Test
    void procedureBytesFromTheModelPassThrough() {
        TestCard card = TestCard.answering(c -> TestCard.hex("01026110"));
        assertEquals("01026110", send(card, "00CA010200"));
    }

    @Test
    void clearForgetsKeptData() {
        TestCard card = TestCard.withData(5);
        send(card, "00A4040C02AABB");
        t0.clear();
        assertArrayEquals(TestCard.hex("6C05"), t0.exchange(card, TestCard.hex("00C0000000")));
    }
}
