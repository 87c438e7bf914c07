package jp.mynadesk.oqs.server;

import java.util.Arrays;

/**
 * A compact multimap from a 64-bit key hash to file offsets: two parallel {@code long} arrays with linear probing,
 * 16 bytes a slot at most half full. A million people with a card and a qualification each take about 64 MB, where
 * a {@code HashMap<String, List<…>>} of the same keys took over a gigabyte. Equal hashes are not proof of equal keys:
 * callers re-check what they read at the offset (a 64-bit collision among a few million keys is about 1 in 10⁷).
 */
final class KeyIndex {
    private static final long EMPTY = 0;

    private long[] hashes;
    private long[] offsets;
    private int size;

    KeyIndex(int expectedEntries) {
        int capacity = Integer.highestOneBit(Math.max(1024, expectedEntries * 2 - 1)) << 1;
        hashes = new long[capacity];
        offsets = new long[capacity];
    }

    int size() {
        return size;
    }

    void add(long hash, long offset) {
        if ((size + 1) * 2L > hashes.length) {
            grow();
        }
        insert(hashes, offsets, hash, offset);
        size++;
    }

    boolean contains(long hash) {
        int mask = hashes.length - 1;
        for (int i = slot(hash, mask); hashes[i] != EMPTY; i = (i + 1) & mask) {
            if (hashes[i] == hash) {
                return true;
            }
        }
        return false;
    }

    /** Every offset stored under {@code hash}, in insertion order for one key, without repeats. */
    long[] offsetsOf(long hash) {
        int mask = hashes.length - 1;
        long[] found = new long[0];
        for (int i = slot(hash, mask); hashes[i] != EMPTY; i = (i + 1) & mask) {
            if (hashes[i] == hash && (found.length == 0 || found[found.length - 1] != offsets[i])) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = offsets[i];
            }
        }
        return found;
    }

    static final long SEED = 0xcbf29ce484222325L;

    /** The hash of a key's UTF-8 bytes; the same as {@link #mix} over the bytes as the file holds them. */
    static long hash(String key) {
        byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return finish(mix(SEED, bytes, 0, bytes.length));
    }

    /** FNV-1a over {@code bytes[from, to)}, continuing from {@code h} (start with {@link #SEED}). */
    static long mix(long h, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            h ^= bytes[i] & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A 64-bit finaliser so that probing spreads; never 0 (0 marks a free slot). */
    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    private void grow() {
        long[] newHashes = new long[hashes.length * 2];
        long[] newOffsets = new long[offsets.length * 2];
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] != EMPTY) {
                insert(newHashes, newOffsets, hashes[i], offsets[i]);
            }
        }
        hashes = newHashes;
        offsets = newOffsets;
    }

    private static void insert(long[] hashes, long[] offsets, long hash, long offset) {
        int mask = hashes.length - 1;
        int i = slot(hash, mask);
        while (hashes[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        hashes[i] = hash;
        offsets[i] = offset;
    }

    private static int slot(long hash, int mask) {
        return (int) hash & mask;
    }
}
