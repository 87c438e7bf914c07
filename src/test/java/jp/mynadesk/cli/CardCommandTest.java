package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("mynadesk "), version.out());
        CliRun unknown = CliRun.of("no-such-command");
        assertEquals(2, unknown.exitCode(), "bad usage is exit 2");
    }
}
