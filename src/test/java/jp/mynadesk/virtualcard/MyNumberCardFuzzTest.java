package jp.mynadesk.virtualcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated APDUs to cards: every answer must be a status word the card documents, and the
 * last-resort 6F00 catch in {@link MyNumberCard#process} must never be needed.
 */
class MyNumberCardFuzzTest {
    private static final int COMMANDS = 120_000;
    private static final Set<Integer> EXPECTED_SW1 = Set.of(0x90, 0x63, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6D, 0x6E);

    /** Valid commands to mutate: selections, reads in all forms, PIN traffic and signatures. */
    private static final List<String> TEMPLATES = List.of(
            CardSession.SELECT_JPKI, CardSession.SELECT_TEXT, CardSession.SELECT_SURFACE,
            "00A404000AD392F00026010000000100", "00A40000",
            "00A4020C020006", "00A4020C020008", "00A4020C02000A", "00A4020C02000B", "00A4020C020001",
            "00A4020C020017", "00A4020C020018", "00A4020C02001A", "00A4020C02001B", "00A4020C020011",
            "00A4020C020002",
            "00B0000007", "00B0000000", "00B0010700", "00B08A0004", "00B08A0400000300", "00B0810000", "00B0820000",
            "00B00000000000", "00B09B0000",
            "00200080", "0020008004 31323334", "0020008004 30303030", "00200098", "0020009804 31323334",
            "0020009B06 414243313233", "0020009104 31323334", "0020009104 39393939",
            "0024018004 35363738", "0024018004 31323334",
            "802A008033" + CardSession.DIGEST_INFO_SHA256 + "11".repeat(32) + "00",
            "802A0097333031300D060960864801650304020105000420" + "22".repeat(32) + "00",
            "802A009A333031300D060960864801650304020105000420" + "33".repeat(32) + "00",
            "802A03970548454C4C4F00", "802A0297" + "20" + "44".repeat(32) + "00");

    @Test
    void randomAndMutatedApdusAlwaysGetADocumentedStatusWord() {
        Random random = new Random(20261122L);
        List<byte[]> templates = TEMPLATES.stream().map(CardSession::hex).toList();
        Map<Integer, Integer> histogram = new HashMap<>();
        for (String profile : List.of("default", "face-only", "android", "child", "one-try-left")) {
            CardSession s = CardSession.of(profile);
            for (int i = 0; i < COMMANDS / 5; i++) {
                byte[] command = switch (random.nextInt(10)) {
                    case 0, 1, 2 -> randomBytes(random);
                    case 3, 4, 5, 6 -> mutate(random, templates.get(random.nextInt(templates.size())));
                    default -> templates.get(random.nextInt(templates.size())).clone();
                };
                byte[] response = s.card.process(command);
                assertTrue(response.length >= 2, "response to " + CardSession.hex(command));
                int sw1 = response[response.length - 2] & 0xFF;
                assertTrue(EXPECTED_SW1.contains(sw1), "SW1 " + Integer.toHexString(sw1) + " for " + CardSession.hex(command));
                if (sw1 != 0x90) {
                    assertEquals(2, response.length, "error responses carry no data");
                }
                histogram.merge(sw1, 1, Integer::sum);
                switch (random.nextInt(500)) {
                    case 0 -> s.card.reset();
                    case 1 -> {
                        s.card.powerOff();
                        s.card.powerOn();
                    }
                    default -> { }
                }
            }
            assertEquals(0, s.card.lastResortAnswers(), "the last-resort catch fired for " + profile);
        }
        assertTrue(histogram.getOrDefault(0x90, 0) > 1000, "enough commands got through: " + histogram);
        assertTrue(histogram.getOrDefault(0x63, 0) > 100, "PIN traffic was exercised: " + histogram);
    }

    private static byte[] randomBytes(Random random) {
        int length = random.nextInt(10) == 0 ? random.nextInt(600) : random.nextInt(24);
        byte[] b = new byte[length];
        random.nextBytes(b);
        if (length > 1 && random.nextBoolean()) {
            b[0] = (byte) (random.nextBoolean() ? 0x00 : 0x80); // reach past the CLA check more often
        }
        return b;
    }

    private static byte[] mutate(Random random, byte[] template) {
        byte[] b = template.clone();
        switch (random.nextInt(6)) {
            case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            case 1 -> b[random.nextInt(Math.min(4, b.length))] ^= (byte) (1 << random.nextInt(8));
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1)); // truncate
            case 3 -> { // append junk
                byte[] extra = new byte[1 + random.nextInt(4)];
                random.nextBytes(extra);
                byte[] out = Arrays.copyOf(b, b.length + extra.length);
                System.arraycopy(extra, 0, out, b.length, extra.length);
                b = out;
            }
            case 4 -> { // change P1/P2
                if (b.length >= 4) {
                    b[2] = (byte) random.nextInt(256);
                    b[3] = (byte) random.nextInt(256);
                }
            }
            default -> { // rewrite the length byte
                if (b.length >= 5) {
                    b[4] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }
}
