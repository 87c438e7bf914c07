package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.mynadesk.testsupport.SecretScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner itself: it must find what the at-rest tests say is absent, and not cry wolf at dates. */
class SecretScanTest {
    @Test
    void findsMyNumbersAndStandalonePinsInUtf8AndUtf16(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {0, 1, 2});
        b.write("{\"n\":\"123456789018\"}".getBytes(StandardCharsets.UTF_8));
        b.write("pin=4826;".getBytes(StandardCharsets.UTF_8));
        b.write("x482".getBytes(StandardCharsets.UTF_16LE));
        b.write("6y".getBytes(StandardCharsets.UTF_16LE));
        b.write("番号987654321098".getBytes(StandardCharsets.UTF_16BE));
        Path file = Files.write(dir.resolve("f"), b.toByteArray());
        List<String> found = SecretScan.scan(file, List.of("4826")).stream().map(SecretScan.Hit::what).toList();
        // UTF-16 text shifted by one byte also reads as the other byte order: both may report it.
        assertTrue(found.containsAll(List.of("12-digit run (UTF16BE)", "12-digit run (UTF8)", "PIN (UTF16LE)", "PIN (UTF8)")),
                found.toString());
    }

    @Test
    void datesIdsAndLongerNumbersAroundAPinAreNotHits(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "2026-12-01-0001 20261201 14826 48260 01130012 12345678901");
        assertEquals(List.of(), SecretScan.scan(file, List.of("4826", "0002")));
    }

    /**
     * The audit chain's keyed hashes are random base64: four PIN digits between letters of one are chance (a CI run
     * once found such a hash on every WAL frame), while a PIN beside a few letters is still found.
     */
    @Test
    void aPinInsideAnEncodedDigestIsChanceButBesideAWordItIsAHit(@TempDir Path dir) throws Exception {
        Path digests = Files.writeString(dir.resolve("d"),
                "\"k9Fz+ab1234cdQ/x7YwPq0Lm3Vb2Nn8Rt5Ee4Ss6Uu=\" 9f0c2ab1234cde77a01b3f4e5d6c7b8a9 Zx_-1234abcdefghijkl");
        assertEquals(List.of(), SecretScan.scan(digests, List.of("1234")));
        Path words = Files.writeString(dir.resolve("w"), "pin:cafe1234 x1234y ab1234cd {\"pin\":\"1234\"}");
        assertEquals(4, SecretScan.scan(words, List.of("1234")).size());
    }
}
