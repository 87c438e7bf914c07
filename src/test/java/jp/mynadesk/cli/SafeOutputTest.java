package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.replay.Recording;
import jp.mynadesk.text.SafeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape sequences, NUL and bidi overrides from a name (a document, a QR code, the service) or a trace header never
 * reach the terminal raw (issue 22 §11): every output of every command shows them as their code ({@code \u001B}).
 */
class SafeOutputTest {
    static final String AS_OF = "2026-12-01T09:30:00+09:00";
    /** Clears the screen, sets the window title, NUL, a right-to-left override, a bare CR and a newline. */
    static final String HOSTILE = "協会\u001b[2J\u001b]0;owned\u0007\u0000さくら\u202e\u2066ら\u0085\r偽\n受付";
    static final String KAKUNINSHO = """
            {"kind": "shikaku-kakuninsho", "insurerNumber": "01130012", "insurerName": "全国健康保険協会東京支部",
             "symbol": "12345678", "number": "1", "branch": "01", "name": %s, "birthDate": "2016-04-02",
             "sex": "female", "issuedOn": "2024-12-02", "validUntil": "2029-11-30"}
            """;

    @TempDir
    Path data;

    @Test
    void aHostileNameIsShownAsCodesByCheckVisitsCsvRecheckAndTheTerminalDesk() throws Exception {
        String document = KAKUNINSHO.formatted(new ObjectMapper().writeValueAsString(HOSTILE));
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0).clock(Clock.systemUTC())
                .batchProcessingTime(java.time.Duration.ZERO))) {
            service.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            String url = service.uri().toString();
            CliRun check = runWithStdin(document, "check", "--virtual", "default", "--service", url, "--document", "-",
                    "--as-of", AS_OF);
            assertEquals(0, check.exitCode(), check.err());
            assertSafe(check);
            assertTrue(check.out().contains("協会\\u001B[2J\\u001B]0;owned\\u0007\\u0000さくら\\u202E\\u2066ら\\u0085\\u000D偽\\u000A受付"),
                    check.out());

            CliRun visits = run("visits");
            assertSafe(visits);
            assertTrue(visits.out().contains("\\u202E"), visits.out());
            CliRun csv = run("visits", "--csv");
            assertSafe(csv);
            assertTrue(csv.out().contains("\\u001B[2J"), csv.out());
            CliRun json = run("visits", "--json");
            assertSafe(json);
            assertEquals(HOSTILE, new ObjectMapper().readTree(json.out()).get(0).at("/qualification/name").asText(),
                    "--json keeps the value: each code is the JSON escape of the same character");

            CliRun recheck = run("recheck", "--service", url, "--as-of", AS_OF);
            assertEquals(0, recheck.exitCode(), recheck.err());
            assertSafe(recheck);
        }
        CliRun desk = runWithStdin("l\nq\n", "desk", "--virtual", "default", "--as-of", AS_OF);
        assertEquals(0, desk.exitCode(), desk.err());
        assertSafe(desk);
        assertTrue(desk.out().contains("さくら\\u202E"), desk.out());
    }

    @Test
    void aHostileTraceHeaderIsShownAsCodes() throws Exception {
        Path file = data.resolve("hostile.trace");
        Files.writeString(file, Recording.record("default", "9999", 0).text()
                .replaceFirst("@program [^\n]*", "@program mynadesk \u001b]0;owned\u0007\u0000\u202eevil"));
        CliRun replay = CliRun.of("trace", "replay", file.toString());
        assertEquals(ExitCode.OK.status, replay.exitCode(), replay.out() + replay.err());
        assertSafe(replay);
        assertTrue(replay.out().contains("mynadesk \\u001B]0;owned\\u0007\\u0000\\u202Eevil"), replay.out());
    }

    @Test
    void aHostileValueInADocumentIsShownAsCodesByDocsCheck() throws Exception {
        Path doc = Files.writeString(data.resolve("check.json"), """
                {"asOf": "2026-11-22", "onlineAvailable": false, "card": {"presented": false},
                 "documents": [{"kind": "shikaku-kakuninsho", "insurerNumber": "01130012", "symbol": "12\\u001b[2J34\\u202e",
                                "number": "1\\u0000", "branch": "00", "name": "協会 太郎", "birthDate": "1989-05-10",
                                "issuedOn": "2024-12-02", "validUntil": "2029-11-30"}]}
                """);
        CliRun check = CliRun.of("docs", "check", doc.toString());
        assertSafe(check);
        assertTrue((check.out() + check.err()).contains("\\u0000"), check.out() + check.err());
    }

    /** Nothing unsafe reached the streams but the line ends and tabs the program writes itself. */
    static void assertSafe(CliRun run) {
        for (String stream : List.of(run.out(), run.err())) {
            stream.chars().filter(c -> SafeText.unsafe(c) && c != '\n' && c != '\t').findFirst()
                    .ifPresent(c -> { throw new AssertionError(String.format("U+%04X printed raw in: %s", c, stream)); });
        }
    }

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data=" + data);
        return CliRun.of(all.toArray(String[]::new));
    }

    CliRun runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }
}
