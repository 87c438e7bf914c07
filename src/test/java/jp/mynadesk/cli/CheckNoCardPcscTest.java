package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import jp.mynadesk.testsupport.PcscdCheck;
import jp.mynadesk.testsupport.RequiresPcscd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --reader} with nothing on the reader (real pcscd, the vpcd slot empty) says so, and records it so. */
@RequiresPcscd
class CheckNoCardPcscTest {

    @Test
    void noCardOnTheReaderIsSaidAsSuch(@TempDir Path data) throws Exception {
        assertFalse(PcscdCheck.terminal().isCardPresent(), "the slot must be empty for this test");
        CliRun run = DeskAtRestTest.withStdin("", "check", "--reader", "Virtual PCD 00 00", "--as-of", "2026-12-01T09:30",
                "--data", data.toString(), "--trust-anchor", jp.mynadesk.testsupport.SimulatorRoot.write(data).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("理由: カードが置かれていません。"), run.out());
        assertFalse(run.out().contains("取り外されました"), run.out());
        JsonNode v = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--data", data.toString()).out()).get(0);
        assertEquals("card-removed", v.at("/reason/code").asText(), "the contract's code");
        assertEquals("カードが置かれていません。", v.at("/reason/message").asText());
        assertTrue(CliRun.of("visits", "--data", data.toString()).out().contains("カードが置かれていません。"), "read back as said");
    }
}
