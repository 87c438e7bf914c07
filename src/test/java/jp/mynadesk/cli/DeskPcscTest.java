package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.testsupport.PcscdCheck;
import jp.mynadesk.testsupport.RequiresPcscd;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.vpcd.VpcdAddress;
import jp.mynadesk.virtualcard.vpcd.VpcdBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --reader} and {@code desk --reader} through the real PC/SC stack: SunPCSC → pcscd → vpcd → the card. */
@RequiresPcscd
class DeskPcscTest {
    private VpcdBridge bridge;
    private CardTerminal terminal;

    @TempDir
    Path data;

    @BeforeEach
    void insert() throws Exception {
        terminal = PcscdCheck.terminal();
        assertFalse(terminal.isCardPresent(), "slot already occupied");
        bridge = new VpcdBridge(VpcdAddress.DEFAULT).start();
        bridge.insert(MyNumberCard.of(CardProfiles.resolve("default")));
        assertTrue(terminal.waitForCardPresent(5000), "pcscd never saw the card");
    }

    @AfterEach
    void remove() throws Exception {
        bridge.close();
        assertTrue(terminal.waitForCardAbsent(5000));
    }

    @Test
    void aPinCheckThroughPcscdIsConfirmedAndRecorded() throws Exception {
        CliRun run = DeskAtRestTest.withStdin("1234\n", "check", "--reader", "Virtual PCD 00 00", "--pin-stdin", "--consent", "all",
                "--as-of", "2026-12-01T09:30", "--data", data.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode v = new ObjectMapper().readTree(run.out());
        assertEquals("confirmed", v.get("outcome").asText());
        assertEquals("card-pin", v.get("route").asText());
        assertTrue(v.at("/consent/registered").asBoolean());
    }

    @Test
    void aWrongPinThroughPcscdCountsDown() throws Exception {
        CliRun run = DeskAtRestTest.withStdin("0000\n", "check", "--reader", "Virtual PCD 00 00", "--pin-stdin",
                "--as-of", "2026-12-01T09:30", "--data", data.toString(), "--json");
        JsonNode v = new ObjectMapper().readTree(run.out());
        assertEquals("wrong-pin", v.at("/reason/code").asText());
        assertEquals(2, v.at("/reason/triesLeft").asInt());
    }

    @Test
    void theInteractiveDeskOnAPcscReader() throws Exception {
        CliRun run = DeskAtRestTest.withStdin("\n1234\nn\nn\nn\nn\nq\n", "desk", "--reader", "Virtual PCD 00 00",
                "--as-of", "2026-12-01T09:30", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode listed = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--data", data.toString()).out());
        assertEquals("confirmed", listed.get(0).get("outcome").asText());
    }

    @Test
    void aReaderThatIsNotThereIsUnavailable() {
        CliRun run = CliRun.of("check", "--reader", "No Such Reader", "--as-of", "2026-12-01", "--data", data.toString());
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
