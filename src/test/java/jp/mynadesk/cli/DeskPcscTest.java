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
import jp.mynadesk.testsupport.SimulatorRoot;
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

    /** Clinic mode at a PC/SC reader (docs/CLINIC.md): the simulator's root as the anchor, the mock asked for by name. */
    private String[] clinic(String... args) {
        String[] extra = {"--trust-anchor", SimulatorRoot.write(data).toString(), "--service", "mock"};
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
    }

    @Test
    void aPinCheckThroughPcscdIsConfirmedAndRecorded() throws Exception {
        CliRun run = DeskAtRestTest.withStdin("1234\n", clinic("check", "--reader", "Virtual PCD 00 00", "--pin-stdin",
                "--consent", "all", "--as-of", "2026-12-01T09:30", "--data", data.toString(), "--json"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode v = new ObjectMapper().readTree(run.out());
        assertEquals("confirmed", v.get("outcome").asText(), run.out());
        assertTrue(v.get("simulated").asBoolean(), "the mock service makes it a simulation, even at a PC/SC reader");
        assertEquals("card-pin", v.get("route").asText());
        assertTrue(v.at("/consent/registered").asBoolean());
    }

    @Test
    void aWrongPinThroughPcscdCountsDown() throws Exception {
        CliRun run = DeskAtRestTest.withStdin("0000\n", clinic("check", "--reader", "Virtual PCD 00 00", "--pin-stdin",
                "--as-of", "2026-12-01T09:30", "--data", data.toString(), "--json"));
        JsonNode v = new ObjectMapper().readTree(run.out());
        assertEquals("wrong-pin", v.at("/reason/code").asText());
        assertEquals(2, v.at("/reason/triesLeft").asInt());
    }

    @Test
    void theInteractiveDeskOnAPcscReader() throws Exception {
        CliRun run = DeskAtRestTest.withStdin("\n1234\nn\nn\nn\nn\nq\n", clinic("desk", "--reader", "Virtual PCD 00 00",
                "--as-of", "2026-12-01T09:30", "--data", data.toString()));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode listed = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--data", data.toString()).out());
        assertEquals("confirmed", listed.get(0).get("outcome").asText());
    }

    @Test
    void clinicModeWithoutTrustAnchorsDoesNotStartTheCheck() throws Exception {
        CliRun run = DeskAtRestTest.withStdin("1234\n", "check", "--reader", "Virtual PCD 00 00", "--pin-stdin",
                "--as-of", "2026-12-01T09:30", "--data", data.toString(), "--json");
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("J-LIS の利用者証明用CA証明書"), run.err());
        assertTrue(run.err().contains("mynadesk setup") && run.err().contains("mynadesk doctor"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(java.nio.file.Files.exists(data.resolve("mynadesk.db")), "nothing was opened, nothing recorded");
        CliRun desk = DeskAtRestTest.withStdin("q\n", "desk", "--reader", "Virtual PCD 00 00", "--data", data.toString());
        assertEquals(3, desk.exitCode(), desk.out() + desk.err());
    }

    @Test
    void inClinicModeTheSimulatorCaIsNotTrusted() throws Exception {
        java.nio.file.Path other = SimulatorRoot.write(data.resolve("other-root.pem"),
                jp.mynadesk.pki.TestCa.create("clinic-mode-test").authRoot().certificate());
        CliRun run = DeskAtRestTest.withStdin("1234\n", "check", "--reader", "Virtual PCD 00 00", "--pin-stdin",
                "--trust-anchor", other.toString(), "--service", "none", "--as-of", "2026-12-01T09:30",
                "--data", data.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode v = new ObjectMapper().readTree(run.out());
        assertEquals("certificate-untrusted", v.at("/reason/code").asText(), run.out());
        assertFalse(v.get("simulated").asBoolean(), "a PC/SC reader without the mock is the clinic");
        assertFalse(run.err().contains("模擬オンライン資格確認サービス"), "no mock started: " + run.err());
    }

    @Test
    void clinicModeWithTheAnchorAndNoServiceRecordsAClinicVisit() throws Exception {
        CliRun run = DeskAtRestTest.withStdin("1234\n", "check", "--reader", "Virtual PCD 00 00", "--pin-stdin",
                "--trust-anchor", SimulatorRoot.write(data).toString(), "--as-of", "2026-12-01T09:30",
                "--data", data.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode v = new ObjectMapper().readTree(run.out());
        assertFalse(v.get("simulated").asBoolean(), run.out());
        assertFalse(run.err().contains("模擬オンライン資格確認サービス"), "no service configured: no mock: " + run.err());
        assertFalse(v.at("/reason/code").asText().equals("certificate-untrusted"), run.out());
        assertFalse(v.at("/reason/code").asText().equals("card-removed"), run.out());
        JsonNode clinic = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--clinic", "--data", data.toString()).out());
        assertEquals(1, clinic.size());
        assertEquals(0, new ObjectMapper().readTree(CliRun.of("visits", "--json", "--simulated", "--data", data.toString())
                .out()).size());
    }

    @Test
    void aConfiguredDeskUsesItsReaderAndAnchorsFromTheSettingsFile() throws Exception {
        java.nio.file.Path config = java.nio.file.Files.writeString(data.resolve("settings.yaml"), "reader: \"Virtual PCD 00 00\"\n"
                + "trustAnchors: [simulator-root.pem]\nservice: none\nterminal: CLINIC-1\nrecord: records\n");
        SimulatorRoot.write(data);
        CliRun run = DeskAtRestTest.withStdin("1234\n", "check", "--config", config.toString(), "--pin-stdin",
                "--as-of", "2026-12-01T09:30", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode v = new ObjectMapper().readTree(run.out());
        assertEquals("card-pin", v.get("route").asText(), "the settings' reader was used: " + run.out());
        assertFalse(v.get("simulated").asBoolean());
        assertFalse(v.at("/reason/code").asText().equals("certificate-untrusted"), run.out());
        assertFalse(run.err().contains("模擬オンライン資格確認サービス"), run.err());
        JsonNode listed = new ObjectMapper().readTree(CliRun.of("visits", "--json", "--config", config.toString()).out());
        assertEquals("CLINIC-1", listed.get(0).get("terminal").asText());
    }

    @Test
    void aReaderThatIsNotThereIsUnavailable() {
        CliRun run = CliRun.of(clinic("check", "--reader", "No Such Reader", "--as-of", "2026-12-01", "--data", data.toString()));
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
