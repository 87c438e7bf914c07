package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.testsupport.PcscdCheck;
import jp.mynadesk.testsupport.RequiresPcscd;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.vpcd.VpcdAddress;
import jp.mynadesk.virtualcard.vpcd.VpcdBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} through the real PC/SC stack: SunPCSC → pcscd → vpcd, with and without a card, and a wrong name. */
@RequiresPcscd
class DoctorPcscTest {
    @TempDir
    Path dir;

    private Path config(String reader) throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(TestCa.standard().authRoot().certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.createDirectories(dir.resolve("data"));
        return Files.writeString(dir.resolve("settings.yaml"), "reader: \"" + reader + "\"\ntrustAnchors: [ca.pem]\n"
                + "service: none\nrecord: data\n");
    }

    private static Map<String, JsonNode> byName(JsonNode root) {
        Map<String, JsonNode> m = new HashMap<>();
        root.get("checks").forEach(c -> m.put(c.get("name").asText(), c));
        return m;
    }

    @Test
    void aCardOnTheVpcdReaderIsSelectedThroughPcscd() throws Exception {
        CardTerminal terminal = PcscdCheck.terminal();
        assertFalse(terminal.isCardPresent(), "slot already occupied");
        try (VpcdBridge bridge = new VpcdBridge(VpcdAddress.DEFAULT).start()) {
            bridge.insert(MyNumberCard.of(CardProfiles.resolve("default")));
            assertTrue(terminal.waitForCardPresent(5000), "pcscd never saw the card");
            CliRun run = CliRun.of("doctor", "--config", config(PcscdCheck.READER).toString(), "--json");
            Map<String, JsonNode> checks = byName(new ObjectMapper().readTree(run.out()));
            assertEquals("ok", checks.get("pcscd").get("status").asText(), run.out());
            assertEquals("ok", checks.get("reader").get("status").asText(), run.out());
            JsonNode card = checks.get("card");
            assertEquals("ok", card.get("status").asText(), run.out());
            assertTrue(card.get("message").asText().contains("公的個人認証 AP を選択できました"), card.toString());
            assertTrue(card.get("message").asText().contains("ATR 3B"), card.toString());
            // every line 正常 but the clock's, which depends on this machine's time zone (UTC in CI: a 警告)
            checks.forEach((name, c) -> assertTrue(name.equals("clock") || c.get("status").asText().equals("ok"), run.out()));
            assertEquals(checks.get("clock").get("status").asText().equals("ok") ? 0 : 1, run.exitCode(), run.out() + run.err());
        } finally {
            assertTrue(terminal.waitForCardAbsent(5000));
        }
    }

    @Test
    void aReaderNameThatPcscdDoesNotHaveIsAProblemListingWhatItHas() throws Exception {
        CliRun run = CliRun.of("doctor", "--config", config("No Such Reader").toString());
        assertEquals(3, run.exitCode(), run.out() + run.err());
        String reader = run.out().lines().filter(l -> l.contains(" reader ")).findFirst().orElseThrow();
        assertTrue(reader.startsWith("異常  reader"), reader);
        assertTrue(reader.contains("「No Such Reader」に合うカードリーダーがありません") && reader.contains("「" + PcscdCheck.READER + "」"),
                reader);
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("正常  pcscd")), run.out());
    }

    @Test
    void anEmptyVpcdSlotIsNoCardWithANote() throws Exception {
        CliRun run = CliRun.of("doctor", "--config", config(PcscdCheck.READER).toString(), "--json");
        JsonNode card = byName(new ObjectMapper().readTree(run.out())).get("card");
        assertEquals("ok", card.get("status").asText(), run.out());
        assertTrue(card.get("message").asText().contains("カードは置かれていません"), card.toString());
    }
}
