package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk commands end to end in-process: real mock service on loopback, in-JVM reader, real SQLite file. */
class DeskCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AS_OF = "2026-12-01T09:30:00+09:00";
    static final String KAKUNINSHO = """
            {"kind": "shikaku-kakuninsho", "insurerNumber": "01130012", "insurerName": "全国健康保険協会東京支部",
             "symbol": "12345678", "number": "1", "branch": "01", "name": "協会 さくら", "birthDate": "2016-04-02",
             "sex": "female", "issuedOn": "2024-12-02", "validUntil": "2029-11-30"}
            """;

    @TempDir
    Path data;

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data=" + data);
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Runs with standard input (the PIN, a document on '-'). */
    CliRun runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void checkJsonIsExactlyTheContract() throws Exception {
        JsonNode v = json(run("check", "--virtual", "default", "--consent", "all", "--as-of", AS_OF, "--json"));
        assertEquals(new TreeSet<>(Set.of("visitId", "asOf", "route", "outcome", "reason", "warnings", "qualification",
                "consent", "decision", "recheck", "simulated", "card", "subsidy")), fields(v));
        assertTrue(v.get("simulated").asBoolean(), "a virtual card is a simulation (docs/CLINIC.md)");
        assertTrue(v.get("subsidy").isNull(), "no 医療費助成 was offered for this patient, so none was asked (docs/DESK.md)");
        assertEquals("2026-12-01-0001", v.get("visitId").asText());
        assertEquals("card-pin", v.get("route").asText());
        assertEquals("confirmed", v.get("outcome").asText());
        assertTrue(v.get("reason").isNull());
        assertTrue(v.get("decision").isNull());
        assertFalse(v.get("recheck").asBoolean());
        assertEquals("pin", v.at("/card/verified").asText());
        assertEquals("valid", v.at("/card/certificate").asText());
        assertEquals("good", v.at("/card/revocation").asText());
        assertTrue(v.at("/card/issuer").asText().contains("O=JPKI-SIM"), v.at("/card/issuer").asText());
        JsonNode q = v.get("qualification");
        for (String key : List.of("validity", "insurerNumber", "symbol", "number", "branch", "name", "birthDate", "ratio", "limitClass")) {
            assertTrue(q.has(key), key);
        }
        assertEquals(30, q.get("ratio").asInt());
        assertTrue(v.at("/consent/registered").asBoolean());
        assertTrue(v.at("/consent/categories/surgery").asBoolean());
        assertTrue(v.get("asOf").asText().startsWith("2026-12-01T09:30"), v.get("asOf").asText());
    }

    @Test
    void wrongPinFromStdinIsStoppedWithTriesLeftAndListed() throws Exception {
        JsonNode v = json(runWithStdin("0000\n", "check", "--virtual", "default", "--pin-stdin", "--as-of", AS_OF, "--json"));
        assertEquals("stopped", v.get("outcome").asText());
        assertEquals("wrong-pin", v.at("/reason/code").asText());
        assertEquals(2, v.at("/reason/triesLeft").asInt());
        assertFalse(v.at("/reason/next").asText().isBlank());
        JsonNode listed = json(run("visits", "--json"));
        assertEquals(1, listed.size());
        assertEquals("none", listed.get(0).get("recheckState").asText());
        assertEquals("DESK-01", listed.get(0).get("terminal").asText());
    }

    @Test
    void outageWithADocumentIsProvisionalAndTheRecheckConfirmsIt() throws Exception {
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0).clock(Clock.systemUTC())
                .batchProcessingTime(java.time.Duration.ZERO))) {
            service.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            String url = service.uri().toString();
            JsonNode v = json(runWithStdin(KAKUNINSHO, "check", "--virtual", "default", "--service", url, "--document", "-",
                    "--as-of", AS_OF, "--json"));
            assertEquals("provisional", v.get("outcome").asText());
            assertEquals("document-offline", v.get("route").asText());
            assertTrue(v.get("recheck").asBoolean());
            assertEquals("accept", v.at("/decision/decision").asText());
            assertEquals("01130012", v.at("/qualification/insurerNumber").asText());

            JsonNode still = json(run("recheck", "--service", url, "--as-of", AS_OF, "--json"));
            assertEquals(0, still.get("confirmed").asInt());
            assertEquals(1, still.get("unanswered").asInt());

            service.faults().set(FaultPlan.none());
            JsonNode rechecked = json(run("recheck", "--service", url, "--as-of", AS_OF, "--json"));
            assertEquals(1, rechecked.get("checked").asInt());
            assertEquals(1, rechecked.get("confirmed").asInt());
            assertEquals(0, rechecked.get("discrepancies").size());
            assertEquals("confirmed", json(run("visits", "--json")).get(0).get("recheckState").asText());
        }
    }

    @Test
    void aDocumentAloneIsQueriedOnlineByItsNumbers(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("doc.json"), KAKUNINSHO);
        JsonNode v = json(run("check", "--document", doc.toString(), "--limit-consent", "--service", "mock", "--as-of", AS_OF,
                "--json"));
        assertEquals("numbers-online", v.get("route").asText());
        assertTrue(v.get("simulated").asBoolean(), "the mock asked for by name is a simulation");
        assertEquals("confirmed", v.get("outcome").asText());
        assertEquals("協会 さくら".replace(' ', '　'), v.at("/qualification/name").asText());
    }

    @Test
    void visitsAsCsvAndSince() throws Exception {
        json(run("check", "--virtual", "default", "--as-of", "2026-11-30", "--json"));
        json(run("check", "--virtual", "blocked", "--mode", "visual", "--staff", "s-1", "--as-of", AS_OF, "--json"));
        CliRun csv = run("visits", "--csv");
        String[] lines = csv.out().strip().split("\n");
        assertEquals(VisitsCommand.CSV_HEADER, lines[0]);
        assertEquals(3, lines.length);
        assertEquals(1, json(run("visits", "--json", "--since", "2026-12-01")).size());
        assertTrue(run("visits").out().contains("2026-11-30-0001"));
    }

    @Test
    void csvCellsNeverBecomeFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", VisitsCommand.CSV.format(VisitsCommand.cell("=HYPERLINK(\"x\")")));
        assertEquals("\"a,b\"", VisitsCommand.CSV.format(VisitsCommand.cell("a,b")));
        assertEquals("plain", VisitsCommand.CSV.format(VisitsCommand.cell("plain")));
    }

    @Test
    void theInteractiveDeskRecordsAVisitFromTheKeyboard() throws Exception {
        CliRun run = runWithStdin("\n1234\ny\nn\ny\nn\nl\nq\n", "desk", "--virtual", "default", "--as-of", AS_OF);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode listed = json(run("visits", "--json"));
        assertEquals(1, listed.size());
        assertEquals("confirmed", listed.get(0).get("outcome").asText());
        assertTrue(listed.get(0).at("/consent/categories/diagnosis").asBoolean());
        assertFalse(listed.get(0).at("/consent/categories/drug").asBoolean());
        assertFalse(run.out().replace("12345678", "").contains("1234"), "the PIN is never echoed (the 記号 12345678 aside)");
    }

    @Test
    void theInteractiveDeskKeepsAVisitTheRecordDidNotTakeUntilTheKeyboardGoes() throws Exception {
        json(run("check", "--virtual", "default", "--as-of", AS_OF, "--json")); // the record exists
        try (jp.mynadesk.testsupport.RecordHold other = new jp.mynadesk.testsupport.RecordHold(data)) {
            other.take(); // throughout
            // PIN, four consent answers, then Enter twice at "record again", then the keyboard is gone
            CliRun run = runWithStdin("\n1234\ny\nn\ny\nn\n\n\n", "desk", "--virtual", "default", "--as-of", AS_OF,
                    "--wait", "0.2");
            assertEquals(3, run.exitCode(), run.out() + run.err());
            String retry = "[Enter] もう一度記録する";
            assertEquals(3, run.out().split(java.util.regex.Pattern.quote(retry), -1).length - 1, run.out());
            assertTrue(run.out().contains(jp.mynadesk.desk.StaffText.message(jp.mynadesk.desk.ReasonCode.RECORD_UNAVAILABLE)), run.out());
            assertEquals(1, run.out().split("結果: 資格を確認しました", -1).length - 1, "the decision shown once: " + run.out());
            assertFalse(run.out().contains("記録しました"), "never called recorded");
            assertFalse(run.err().isBlank(), "the store's message on the way out");
            other.release();
        }
        assertEquals(1, json(run("visits", "--json")).size(), "nothing half-recorded");
    }

    @Test
    void theInteractiveDeskWritesTheDaysTraceWithThePinMasked() throws Exception {
        Path trace = data.resolveSibling(data.getFileName() + "-desk-trace.txt");
        try {
            CliRun run = runWithStdin("\n1234\ny\nn\ny\nn\n\n4321\n", "desk", "--virtual", "default", "--as-of", AS_OF,
                    "--trace", trace.toString());
            assertEquals(0, run.exitCode(), run.err());
            String text = Files.readString(trace, StandardCharsets.UTF_8);
            jp.mynadesk.card.Trace parsed = jp.mynadesk.card.ApduTrace.parse(text);
            assertEquals("default", parsed.header().cardProfile());
            String hex = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
            assertEquals(2, hex.split("0020008004", -1).length - 1, "both checks' VERIFY are in the one trace: " + text);
            for (String pin : List.of("31323334", "34333231")) {
                assertFalse(hex.contains("0020008004" + pin), "the PIN never appears in the trace");
            }
            assertEquals(2, json(run("visits", "--json")).size());
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    @Test
    void dbVerifyAfterChecks() throws Exception {
        json(run("check", "--virtual", "default", "--as-of", AS_OF, "--json"));
        JsonNode verify = json(run("db", "verify", "--json"));
        assertTrue(verify.get("ok").asBoolean());
        assertEquals(1, verify.get("visits").asInt());
    }

    @Test
    void badInputIsExit2WithTheOptionNamedAndNothingRecorded() throws Exception {
        String[][] bad = {
                {"check", "--virtual", "default", "--mode", "face"},
                {"check", "--virtual", "default", "--consent", "drugs"},
                {"check", "--virtual", "default", "--mode", "visual"},
                {"check"},
                {"check", "--virtual", "default", "--as-of", "2026-02-30"},
                {"check", "--virtual", "default", "--service", "ftp://example"},
                {"check", "--document", "/nonexistent/doc.json"},
                {"check", "--virtual", "no-such-profile"},
                {"check", "--virtual", "default", "--trace", "/nonexistent/dir/t.txt"},
                {"check", "--virtual", "default", "--terminal", "desk 1; rm"},
        };
        for (String[] args : bad) {
            CliRun r = run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.err());
            assertFalse(r.err().isBlank(), String.join(" ", args));
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        CliRun malformed = runWithStdin("{\"kind\": \"shikaku-kakuninsho\", \"birthDate\": \"2016-02-30\"", "check",
                "--document", "-", "--as-of", AS_OF);
        assertEquals(2, malformed.exitCode(), malformed.err());
        assertFalse(Files.exists(data.resolve("mynadesk.db")) && json(run("visits", "--json")).size() > 0);
    }

    @Test
    void aDataFolderThatIsAFileIsUnavailable(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun r = CliRun.of("check", "--virtual", "default", "--data", file.toString(), "--as-of", AS_OF);
        assertEquals(3, r.exitCode(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
