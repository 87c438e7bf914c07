package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import jp.mynadesk.card.Jpki;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void demoWalksTheWholeCardCheck() {
        CliRun run = CliRun.of("demo", "--as-of", "2026-11-22");
        assertEquals(0, run.exitCode(), run.err());
        for (String step : new String[] {"[1]", "[2]", "[3]", "[4]", "[5]", "[6]", "[7]", "署名を証明書の公開鍵で検証しました: 一致", "完了"}) {
            assertTrue(run.out().contains(step), "missing " + step + " in\n" + run.out());
        }
        assertTrue(run.out().contains("2024-06-01 〜 2029-05-10（有効、あと900日）"), run.out());
    }

    @Test
    void blockedCardStopsWithTheNextStep() {
        CliRun run = CliRun.of("demo", "--profile", "blocked");
        assertEquals(0, run.exitCode(), "a decision was reached");
        assertTrue(run.out().contains("ロックされています"), run.out());
        assertFalse(run.out().contains("[6]"));
    }

    @Test
    void wrongPinShowsTriesLeft() {
        CliRun run = CliRun.of("demo", "--pin", "9999");
        assertTrue(run.out().contains("暗証番号が違います（残り2回）"), run.out());
    }

    @Test
    void forgedCardIsCaughtByTheSignatureCheck() {
        CliRun run = CliRun.of("demo", "--profile", "mismatched-key");
        assertTrue(run.out().contains("一致しません"), run.out());
    }

    @Test
    void unknownProfileIsBadInput() {
        CliRun run = CliRun.of("demo", "--profile", "no-such-profile");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("カードプロファイルを読み込めません"), run.err());
    }

    /**
     * Privacy by construction: with a distinctive PIN, neither the PIN (as text or as APDU bytes) nor the card's
     * My Number appears in the transcript, the error stream or the trace — including after a wrong PIN.
     */
    @Test
    void noPinOrMyNumberInAnyOutputOrTrace(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("p.json");
        Files.writeString(profile, """
                {"name": "privacy", "description": "distinctive PIN",
                 "holder": {"name": "秘密 守", "kana": "ヒミツ マモル", "birthDate": "1980-02-17", "sex": "1",
                            "address": "東京都千代田区"},
                 "issued": "2024-06-01", "authPin": "7395"}
                """);
        var card = CardProfiles.load(profile);
        assertEquals("7395", card.authPin(), "fixture has the distinctive PIN");
        String myNumber = readMyNumberLikeAnAttacker(MyNumberCard.of(card), "7395");
        assertEquals(12, myNumber.length());

        int attempt = 0;
        for (String pin : new String[] {"7395", "7396"}) {
            Path trace = dir.resolve("trace-" + attempt++ + ".txt");
            CliRun run = CliRun.of("demo", "--profile", profile.toString(), "--pin", pin, "--trace", trace.toString());
            String transcript = run.out() + run.err();
            String traced = Files.readString(trace);
            assertTrue(traced.contains("0020008004********"), "the VERIFY was traced, masked");
            // The transcript is text: look for the secrets as text. The trace is hex: look for their bytes
            // (a 4-digit string could occur by chance in kilobytes of certificate hex; 8 hex digits cannot).
            for (String secret : new String[] {"7395", "7396", myNumber}) {
                assertFalse(transcript.contains(secret), "leaked " + secret + ":\n" + transcript);
                assertFalse(traced.contains(hex(secret)) || traced.contains(myNumber), "leaked " + secret + ":\n" + traced);
            }
        }
    }

    private static String readMyNumberLikeAnAttacker(MyNumberCard chip, String pin) {
        chip.powerOn();
        chip.process(concat(HexFormat.of().parseHex("00A4040C0A"), Jpki.AID_TEXT));
        chip.process(HexFormat.of().parseHex("00A4020C020011"));
        chip.process(concat(HexFormat.of().parseHex("0020008004"), pin.getBytes(StandardCharsets.US_ASCII)));
        byte[] r = chip.process(HexFormat.of().parseHex("00B0810011"));
        return new String(r, 3, 12, StandardCharsets.US_ASCII);
    }

    private static String hex(String s) {
        return HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
