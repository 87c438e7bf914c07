package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.pki.TrustAnchors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardCommandTest {

    @Test
    void profilesListsTheBuiltIns() {
        CliRun run = CliRun.of("card", "profiles");
        assertEquals(0, run.exitCode());
        for (String name : new String[] {"default", "blocked", "expired", "face-only", "revoked", "mismatched-key", "android", "iphone"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(name + " ")), name + " missing:\n" + run.out());
        }
    }

    @Test
    void profilesAsJson() throws Exception {
        var list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.of("card", "profiles", "--json").out());
        assertTrue(list.isArray());
        assertEquals(CliRun.of("card", "profiles").out().lines().count(), list.size());
        assertEquals("default", list.get(0).get("name").asText());
    }

    @Test
    void serveRefusesABadAddressOrProfileBeforeStarting() {
        CliRun badAddress = CliRun.of("card", "serve", "--vpcd", "localhost:notaport");
        assertEquals(2, badAddress.exitCode());
        assertTrue(badAddress.err().contains("HOST:PORT"), badAddress.err());
        CliRun badProfile = CliRun.of("card", "serve", "--profile", "/nonexistent/profile.json");
        assertEquals(2, badProfile.exitCode());
        assertTrue(badProfile.err().contains("/nonexistent/profile.json"), badProfile.err());
    }

    @Test
    void caExportWritesTheSimulatorsAuthenticationRootAsPem(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sim-ca.pem");
        CliRun run = CliRun.of("card", "ca", "export", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(out).startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertEquals(TestCa.standard().authRoot().certificate(), TrustAnchors.fromPem(out).certificates().get(0));
        assertEquals(1, TrustAnchors.fromPem(out).certificates().size());
    }

    @Test
    void caExportRefusesAFolderAFifoAndAMissingOption(@TempDir Path dir) throws Exception {
        CliRun folder = CliRun.of("card", "ca", "export", "--out", dir.toString());
        assertEquals(2, folder.exitCode());
        assertTrue(folder.err().contains("--out") && folder.err().contains("フォルダです"), folder.err());
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun pipe = CliRun.of("card", "ca", "export", "--out", fifo.toString());
        assertEquals(2, pipe.exitCode());
        assertTrue(pipe.err().contains("名前付きパイプ"), pipe.err());
        CliRun none = CliRun.of("card", "ca", "export");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("--out"), none.err());
        assertEquals(0, CliRun.of("card", "ca", "export", "--help").exitCode());
        assertEquals(0, CliRun.of("card", "ca", "--help").exitCode());
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("mynadesk "), version.out());
        CliRun unknown = CliRun.of("no-such-command");
        assertEquals(2, unknown.exitCode(), "bad usage is exit 2");
    }
}
