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
    void demoWalksCardCheckOutageFallbackRecoveryAndRecheck() {
        CliRun run = CliRun.of("demo", "--as-of", "2026-11-22");
        assertEquals(0, run.exitCode(), run.err());
        for (String step : new String[] {
            "[1]", "[2]", "[3]", "[4]", "証明書の検証: 発行元・有効期限・失効", "[5]", "[6]",
            "[7] 資格確認サービスのチャレンジ", "[8] オンライン資格確認の結果: 資格 有効", "保険者: 01130012",
            "負担割合: 3割", "限度額適用区分: A03（ウ）→ 医療費 300,000 円の月の自己負担上限 85,940 円", "[9] 情報提供の同意を登録しました",
            "閲覧できる期限: 2026-11-23 09:00",
            "使えません（メンテナンス中", "資格確認書のQRコードを読み取りました: 保険者番号 01130012", "仮の受付として記録し、再照会を待ちます: 2件",
            "オンライン資格確認が復旧しました", "協会 さくら さん: 相違なし", "転職 結衣 さん: 相違あり: 提示された資格確認書の資格は 2025-10-01 に喪失",
            "デモを終えました。"}) {
            assertTrue(run.out().contains(step), "missing " + step + " in\n" + run.out());
        }
        assertTrue(run.out().contains("2024-06-01 〜 2029-05-10（有効、あと900日）"), run.out());
    }

    @Test
    void cardOnlyModeSignsLocallyAndVerifies() {
        CliRun run = CliRun.of("demo", "--card-only", "--as-of", "2026-11-22");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("署名を証明書の公開鍵で検証しました: 一致"), run.out());
        assertFalse(run.out().contains("模擬オンライン資格確認サービスを起動しました"));
    }

    @Test
    void blockedCardStopsWithTheNextStep() {
        CliRun run = CliRun.of("demo", "--profile", "blocked", "--card-only");
        assertEquals(0, run.exitCode(), "a decision was reached");
        assertTrue(run.out().contains("ロックされています"), run.out());
        assertFalse(run.out().contains("[6]"));
    }

    @Test
    void wrongPinShowsTriesLeft() {
        CliRun run = CliRun.of("demo", "--pin", "9999", "--card-only");
        assertTrue(run.out().contains("暗証番号が違います（残り2回）"), run.out());
    }

    @Test
    void forgedCardIsCaughtByTheSignatureCheck() {
        assertTrue(CliRun.of("demo", "--profile", "mismatched-key", "--card-only").out().contains("一致しません"));
        CliRun online = CliRun.of("demo", "--profile", "mismatched-key", "--as-of", "2026-11-22");
        assertTrue(online.out().contains("[8] 資格確認サービスがカードを受け付けませんでした"), online.out());
    }

    @Test
    void unusableCertificatesStopBeforeThePin() {
        CliRun revoked = CliRun.of("demo", "--profile", "revoked", "--as-of", "2026-11-22");
        assertTrue(revoked.out().contains("証明書の検証: 使用できません（revoked）"), revoked.out());
        assertFalse(revoked.out().contains("[5]"), "no PIN asked for an unusable card");
        CliRun expired = CliRun.of("demo", "--profile", "expired", "--as-of", "2026-11-22", "--card-only");
        assertTrue(expired.out().contains("猶予期間（2020-08-31まで）も過ぎています"), expired.out());
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
        for (String[] variant : new String[][] {{"7395", "--card-only"}, {"7396", "--card-only"}, {"7395", "--as-of=2026-11-22"}}) {
            String pin = variant[0];
            Path trace = dir.resolve("trace-" + attempt++ + ".txt");
            CliRun run = CliRun.of("demo", "--profile", profile.toString(), "--pin", pin, "--trace", trace.toString(), variant[1]);
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
