package jp.mynadesk.oqs.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyIndexTest {
    @Test
    void keepsEveryOffsetOfAKeyThroughGrowth() {
        KeyIndex index = new KeyIndex(4);
        for (int i = 0; i < 10_000; i++) {
            index.add(KeyIndex.hash("n:" + i), i * 100L);
        }
        index.add(KeyIndex.hash("n:42"), 999_999L);
        assertEquals(10_001, index.size());
        assertArrayEquals(new long[] {4_200L, 999_999L}, index.offsetsOf(KeyIndex.hash("n:42")));
        assertArrayEquals(new long[] {777_700L}, index.offsetsOf(KeyIndex.hash("n:7777")));
        assertArrayEquals(new long[0], index.offsetsOf(KeyIndex.hash("n:10000")));
        assertTrue(index.contains(KeyIndex.hash("n:0")));
        assertFalse(index.contains(KeyIndex.hash("c:0")));
    }

    @Test
    void theSameLineUnderOneKeyTwiceIsReportedOnce() {
        KeyIndex index = new KeyIndex(16);
        index.add(KeyIndex.hash("k"), 5);
        index.add(KeyIndex.hash("k"), 5);
        assertArrayEquals(new long[] {5}, index.offsetsOf(KeyIndex.hash("k")));
    }

    @Test
    void hashesAreNeverTheFreeSlotMarkerAndDifferForNearKeys() {
        assertNotEquals(0, KeyIndex.hash(""));
        assertNotEquals(KeyIndex.hash("n:01130012|1|2"), KeyIndex.hash("n:01130012|12|"));
    }
}
