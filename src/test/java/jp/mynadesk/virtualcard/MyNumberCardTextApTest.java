package jp.mynadesk.virtualcard;

import static jp.mynadesk.virtualcard.CardSession.SELECT_JPKI;
import static jp.mynadesk.virtualcard.CardSession.SELECT_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 券面事項入力補助AP (docs/CARD.md §2.2, §4.2, §4.3). My Numbers read here stay inside the test. */
class MyNumberCardTextApTest {

    /** Weights of the My Number check digit, left to right over the first 11 digits (an independent formulation). */
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private static boolean validMyNumber(String twelve) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (twelve.charAt(i) - '0') * WEIGHTS[i];
        }
        int r = sum % 11;
        int check = r <= 1 ? 0 : 11 - r;
        return twelve.charAt(11) - '0' == check;
    }

    private static String readMyNumber(CardSession c) {
        c.send(SELECT_TEXT);
        assertEquals(0x9000, c.verifySfi(0x11, "1234"));
        assertEquals(0x9000, c.send("00B0810000"));
        byte[] ef = c.data();
        assertEquals(17, ef.length);
        assertEquals("FF100C", CardSession.hex(Arrays.copyOf(ef, 3)));
        assertEquals("FFFF", CardSession.hex(Arrays.copyOfRange(ef, 15, 17)));
        return new String(ef, 3, 12, StandardCharsets.US_ASCII);
    }

    @Test
    void checkDigitRuleMatchesTheWorkedExample() {
        assertEquals(8, SyntheticMyNumber.checkDigit("12345678901"));
        assertTrue(validMyNumber("123456789018"));
    }

    @Test
    void myNumberEfHoldsASyntheticNumberWithAValidCheckDigit() {
        for (CardProfile p : CardProfiles.list()) {
            String number = SyntheticMyNumber.derive(p.name());
            assertTrue(number.matches("[0-9]{12}"));
            assertTrue(validMyNumber(number), p.name());
        }
        CardSession s = CardSession.of("default");
        String number = readMyNumber(s);
        assertTrue(validMyNumber(number));
        assertEquals(number, readMyNumber(CardSession.of("default")), "deterministic per profile");
        assertNotEquals(number, readMyNumber(CardSession.of("senior-75")));
    }

    @Test
    void filesAreProtectedByTheTextPin() {
        CardSession s = CardSession.of("default");
        s.send(SELECT_TEXT);
        assertEquals(0x6982, s.send("00B0810000"));
        assertEquals(0x6982, s.send("00B0820000"));
        s.selectEf(0x0002);
        assertEquals(0x6982, s.send("00B0000004"));
        s.selectEf(0x0011);
        assertEquals(0x63C3, s.send("00200080"));
        assertEquals(0x9000, s.verifyCurrent("1234"));
        assertEquals(0x9000, s.send("00B0820004"));
    }

    @Test
    void textPinHasItsOwnCounter() {
        CardSession s = CardSession.of("default");
        s.send(SELECT_TEXT);
        assertEquals(0x63C2, s.verifySfi(0x11, "0000"));
        s.send(SELECT_JPKI);
        assertEquals(0x63C3, s.send("00200098"));
        s.send(SELECT_TEXT);
        assertEquals(0x63C2, s.send("00200091"));
    }

    /** Parses EF 0002 as a host must: BER lengths, and the DF21 offsets from the start of the file. */
    private static Map<String, String> basicInfo(byte[] ef) {
        assertEquals((byte) 0xFF, ef[0]);
        assertEquals(0x20, ef[1]);
        int[] len = berLength(ef, 2);
        int end = len[0] + len[1];
        assertEquals(0xDF, ef[len[0]] & 0xFF);
        assertEquals(0x21, ef[len[0] + 1]);
        assertEquals(8, ef[len[0] + 2]);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            int at = ((ef[len[0] + 3 + 2 * i] & 0xFF) << 8) | (ef[len[0] + 4 + 2 * i] & 0xFF);
            assertEquals(0xDF, ef[at] & 0xFF);
            assertEquals(0x22 + i, ef[at + 1]);
            int[] v = berLength(ef, at + 2);
            assertTrue(v[0] + v[1] <= end);
            fields.put(String.format("DF%02X", 0x22 + i), new String(ef, v[0], v[1], StandardCharsets.UTF_8));
        }
        for (int i = end; i < ef.length; i++) {
            assertEquals((byte) 0xFF, ef[i], "filler after the TLV");
        }
        return fields;
    }

    /** {value offset, value length} for the length field at {@code at}. */
    private static int[] berLength(byte[] b, int at) {
        int first = b[at] & 0xFF;
        if (first < 0x80) {
            return new int[] {at + 1, first};
        }
        int n = first & 0x7F;
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (b[at + 1 + i] & 0xFF);
        }
        return new int[] {at + 1 + n, len};
    }

    private static byte[] readBasicInfo(CardSession s) {
        s.send(SELECT_TEXT);
        s.verifySfi(0x11, "1234");
        s.selectEf(0x0002);
        return s.readWholeCurrentEf();
    }

    @Test
    void basicInfoOfTheDefaultHolder() {
        byte[] ef = readBasicInfo(CardSession.of("default"));
        Map<String, String> f = basicInfo(ef);
        assertEquals("協会\u3000太郎", f.get("DF22"));
        assertEquals("東京都千代田区霞が関一丁目２番３号", f.get("DF23"));
        assertEquals("19890510", f.get("DF24"));
        assertEquals("1", f.get("DF25"));
        assertTrue(ef.length > (ef[2] & 0xFF) + 3, "filler present");
    }

    @Test
    void longAddressUsesLongFormLengths() throws Exception {
        byte[] senior = readBasicInfo(CardSession.of("senior-75"));
        assertEquals(0x81, senior[2] & 0xFF);
        assertEquals("19510315", basicInfo(senior).get("DF24"));

        String longAddress = "東京都千代田区霞が関一丁目２番３号　".repeat(5);
        CardProfile p = CardProfiles.parse("""
                {"name":"long-address","holder":{"name":"長い 住所","kana":"ナガイ ジュウショ","birthDate":"1970-01-02",
                 "sex":"9","address":"%s"},"issued":"2025-01-01"}""".formatted(longAddress), "test");
        byte[] ef = readBasicInfo(CardSession.of(p, MyNumberCard.Options.DEFAULT));
        assertEquals(0x82, ef[2] & 0xFF);
        Map<String, String> f = basicInfo(ef);
        assertEquals(longAddress, f.get("DF23"));
        assertEquals("9", f.get("DF25"));
        assertTrue(longAddress.getBytes(StandardCharsets.UTF_8).length > 255);
        int addressTag = ((ef[10] & 0xFF) << 8) | (ef[11] & 0xFF); // 2nd offset in DF21 (header FF20 82 LLLL)
        assertEquals(0x82, ef[addressTag + 2] & 0xFF, "DF23 itself uses the 82 form");
    }
}
