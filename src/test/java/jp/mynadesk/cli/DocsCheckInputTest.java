package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs check names the wrong field, refuses unknown keys and impossible values (exit 2), and takes 和暦 --as-of. */
class DocsCheckInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOC = "{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"01130012\",\"symbol\":\"1\",\"number\":\"2\","
            + "\"branch\":\"00\",\"name\":\"協会 太郎\",\"birthDate\":\"1990-01-01\",\"issuedOn\":\"2026-05-01\",\"validUntil\":\"%s\"}";

    @TempDir
    Path dir;

    private CliRun check(String validUntil, String... more) throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"asOf\":\"2026-11-22\",\"onlineAvailable\":true,\"documents\":[" + DOC.formatted(validUntil) + "]}");
        String[] args = new String[3 + more.length];
        args[0] = "docs";
        args[1] = "check";
        args[2] = in.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.of(args);
    }

    @Test
    void anImpossibleDateIsBadFormatNamingTheField() throws Exception {
        CliRun r = check("2026-02-30", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out()).get("documents").get(0);
        assertEquals("bad-format", doc.get("reasons").get(0).asText());
        assertEquals("documents[0].validUntil", doc.get("problems").get(0).get("field").asText());
        assertEquals(1, doc.get("problems").size());
        assertTrue(check("2026-02-30").out().contains("documents[0].validUntil: "));
    }

    @Test
    void aWellFormedDocumentHasNoProblemsList() throws Exception {
        JsonNode doc = JSON.readTree(check("2029-11-30", "--json").out()).get("documents").get(0);
        assertTrue(doc.get("problems") == null, doc.toString());
    }

    @Test
    void unknownKeysAreRefusedWithTheNearestKnownOne() throws Exception {
        Path in = dir.resolve("typo.json");
        Files.writeString(in, "{\"asOf\":\"2026-11-22\",\"documents\":[" + DOC.formatted("2029-11-30").replace("validUntil", "validUntill") + "]}");
        CliRun r = CliRun.of("docs", "check", in.toString());
        assertEquals(ExitCode.BAD_INPUT.status, r.exitCode());
        assertTrue(r.err().startsWith("documents[0].validUntill:"), r.err());
        assertTrue(r.err().contains("「validUntil」"), r.err());
        Files.writeString(in, "{\"asOf\":\"2026-11-22\",\"onlineAvaliable\":true,\"documents\":[]}");
        assertTrue(CliRun.of("docs", "check", in.toString()).err().startsWith("onlineAvaliable:"));
        Files.writeString(in, "{\"asOf\":\"2026-11-22\",\"card\":{\"presented\":true,\"notAfter\":\"2030-01-01\"}}");
        assertTrue(CliRun.of("docs", "check", in.toString()).err().startsWith("card.notAfter:"));
    }

    @Test
    void validUntilBeforeIssuedOnAndBirthAfterAsOfAreRefused() throws Exception {
        CliRun until = check("2026-04-30");
        assertEquals(ExitCode.BAD_INPUT.status, until.exitCode());
        assertTrue(until.err().startsWith("documents[0].validUntil:"), until.err());
        CliRun born = check("2029-11-30", "--as-of", "1980-01-01");
        assertEquals(ExitCode.BAD_INPUT.status, born.exitCode());
        assertTrue(born.err().startsWith("documents[0].birthDate:"), born.err());
    }

    @Test
    void asOfTakesWareki() throws Exception {
        JsonNode wareki = JSON.readTree(check("2029-11-30", "--json", "--as-of", "令和8年4月1日").out());
        assertEquals("2026-04-01", wareki.get("asOf").asText());
        JsonNode fullWidth = JSON.readTree(check("2029-11-30", "--json", "--as-of", "２０２６-０４-０１").out());
        assertEquals("2026-04-01", fullWidth.get("asOf").asText());
    }
}
