package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs contract, in-process through Main.run. */
class DocsCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXAMPLE = """
            {
              "asOf": "2026-11-22",
              "onlineAvailable": false,
              "card": {"presented": true, "certificateNotAfter": "2029-05-10"},
              "documents": [
                {"kind": "shikaku-kakuninsho", "insurerNumber": "01130012", "symbol": "12345678", "number": "1",
                 "branch": "00", "name": "協会 太郎", "birthDate": "1989-05-10", "issuedOn": "2024-12-02",
                 "validUntil": "2029-11-30", "lostOn": null}
              ]
            }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void contractExample() throws Exception {
        CliRun run = CliRun.of("docs", "check", write("in.json", EXAMPLE).toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        JsonNode expected = JSON.readTree("""
                {"decision": "accept", "basis": "kakuninsho", "acceptedDocument": 0,
                 "insurance": {"insurerNumber": "01130012", "symbol": "12345678", "number": "1", "branch": "00"},
                 "claim": "normal", "recheck": true, "onlineQuery": false,
                 "card": {"usable": true, "reasons": []},
                 "documents": [{"index": 0, "usable": true, "reasons": []}],
                 "message": "資格確認書（有効期限 2029-11-30）で受付できます。オンライン復旧後に再照会します。"}
                """);
        expected.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                e.getValue().fields().forEachRemaining(f -> assertEquals(f.getValue(), out.get(e.getKey()).get(f.getKey()), e.getKey() + "." + f.getKey()));
            } else if (e.getKey().equals("documents")) {
                assertEquals(e.getValue().get(0), ((com.fasterxml.jackson.databind.node.ObjectNode) out.get("documents").get(0)).retain("index", "usable", "reasons"));
            } else {
                assertEquals(e.getValue(), out.get(e.getKey()), e.getKey());
            }
        });
    }

    @Test
    void humanOutputTellsTheNextStep() throws Exception {
        String reject = "{\"asOf\":\"2026-11-22\",\"documents\":[{\"kind\":\"shikaku-joho-oshirase\",\"insurerNumber\":\"01130012\","
                + "\"number\":\"1\",\"name\":\"協会 太郎\",\"birthDate\":\"1989-05-10\"}]}";
        CliRun run = CliRun.of("docs", "check", write("r.json", reject).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("10割") && run.out().contains("療養費") && run.out().contains("マイナ保険証（マイナンバーカード）をお持ちか"), run.out());
    }

    @Test
    void nullsWhereThereIsNone() throws Exception {
        CliRun run = CliRun.of("docs", "check", write("e.json", "{\"asOf\":\"2026-11-22\"}").toString(), "--json");
        JsonNode out = JSON.readTree(run.out());
        assertEquals("reject", out.get("decision").asText());
        assertTrue(out.get("basis").isNull());
        assertTrue(out.get("acceptedDocument").isNull());
        assertTrue(out.get("insurance").isNull());
    }

    @Test
    void asOfOptionOverridesTheFileAndDefaultsToToday() throws Exception {
        Path in = write("old.json", "{\"asOf\":\"2025-12-01\",\"documents\":[{\"kind\":\"hokensho\",\"insurerNumber\":\"06130017\","
                + "\"number\":\"1\",\"name\":\"組合 次郎\",\"birthDate\":\"1970-01-01\"}]}");
        assertEquals("accept", JSON.readTree(CliRun.of("docs", "check", in.toString(), "--json").out()).get("decision").asText());
        JsonNode after = JSON.readTree(CliRun.of("docs", "check", in.toString(), "--json", "--as-of", "2025-12-02").out());
        assertEquals("reject", after.get("decision").asText());
        assertEquals("old-card-abolished", after.get("documents").get(0).get("reasons").get(0).asText());
    }

    @Test
    void brokenJsonIsExit2WithLineAndColumn() throws Exception {
        CliRun run = CliRun.of("docs", "check", write("bad.json", "{\n \"asOf\": \"2026-11-22\"\n \"documents\": []\n}").toString(), "--json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("3 行"), run.err());
        JsonNode error = JSON.readTree(run.out()).get("error");
        assertEquals("bad-input", error.get("code").asText(), "with --json the error is JSON on stdout, no result");
        assertEquals(run.err().strip(), error.get("message").asText());
    }

    @Test
    void wrongTypeIsExit2WithThePath() throws Exception {
        CliRun run = CliRun.of("docs", "check", write("t.json", "{\"documents\":[{\"kind\":\"hokensho\",\"number\":1}]}").toString(), "--json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("documents[0].number"), run.err());
    }

    @Test
    void missingFileIsExit2() {
        CliRun run = CliRun.of("docs", "check", dir.resolve("nope.json").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("見つかりません"), run.err());
    }

    @Test
    void myNumberDigitsAreNeverEchoed() throws Exception {
        String in = "{\"asOf\":\"2026-11-22\",\"card\":{\"presented\":true},\"documents\":[{\"kind\":\"shikaku-joho-oshirase\","
                + "\"insurerNumber\":\"01130012\",\"number\":\"1\",\"name\":\"協会 太郎\",\"birthDate\":\"1989-05-10\","
                + "\"myNumberLast4\":\"9736\"}]}";
        Path p = write("n.json", in);
        for (String[] args : new String[][] {{"docs", "check", p.toString(), "--json"}, {"docs", "check", p.toString()}}) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), run.err());
            assertFalse(run.out().contains("9736") || run.err().contains("9736"), run.out());
        }
        Path png = dir.resolve("n.png");
        CliRun render = CliRun.of("docs", "render", "--kind", "shikaku-joho-oshirase", "--from", p.toString(), "--out", png.toString(), "--json");
        assertEquals(0, render.exitCode(), render.err());
        assertFalse(render.out().contains("9736"));
        assertFalse(CliRun.of("docs", "scan", png.toString()).out().contains("9736"));
    }

    @Test
    void renderThenScanGivesTheJsonDocsCheckTakes() throws Exception {
        Path png = dir.resolve("k.png");
        CliRun render = CliRun.of("docs", "render", "--kind", "shikaku-kakuninsho", "--insurer-number", "01130012",
                "--insurer-name", "全国健康保険協会 〇〇支部", "--symbol", "12345678", "--number", "1", "--branch", "00",
                "--name", "協会 太郎", "--birth-date", "平成元年5月10日", "--sex", "男", "--acquired-on", "令和6年12月2日",
                "--issued-on", "2024-12-02", "--valid-until", "令和11年11月30日", "--out", png.toString());
        assertEquals(0, render.exitCode(), render.err());
        CliRun scan = CliRun.of("docs", "scan", png.toString());
        assertEquals(0, scan.exitCode(), scan.err());
        JsonNode doc = JSON.readTree(scan.out()).get("documents").get(0);
        assertEquals(JSON.readTree("""
                {"kind":"shikaku-kakuninsho","insurerNumber":"01130012","insurerName":"全国健康保険協会 〇〇支部","symbol":"12345678",
                 "number":"1","branch":"00","name":"協会 太郎","birthDate":"1989-05-10","sex":"male","acquiredOn":"2024-12-02",
                 "issuedOn":"2024-12-02","validUntil":"2029-11-30"}"""), doc);
        Path scanned = write("scanned.json", scan.out());
        CliRun check = CliRun.of("docs", "check", scanned.toString(), "--as-of", "2026-11-22", "--json");
        assertEquals(0, check.exitCode(), check.err());
        assertEquals("kakuninsho", JSON.readTree(check.out()).get("basis").asText());
    }

    @Test
    void renderValidatesEachFieldAsTyped() {
        CliRun run = CliRun.of("docs", "render", "--kind", "shikaku-kakuninsho", "--insurer-number", "01130013", "--number", "1",
                "--name", "a", "--birth-date", "1989-05-10", "--issued-on", "2024-12-02", "--valid-until", "2029-11-30",
                "--out", dir.resolve("x.png").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--insurer-number") && run.err().contains("2 のはず"), run.err());
        CliRun date = CliRun.of("docs", "render", "--kind", "shikaku-kakuninsho", "--birth-date", "2025-02-29", "--out", dir.resolve("y.png").toString());
        assertEquals(2, date.exitCode());
        assertTrue(date.err().contains("--birth-date"), date.err());
        CliRun kind = CliRun.of("docs", "render", "--kind", "hokensho", "--out", dir.resolve("z.png").toString());
        assertEquals(2, kind.exitCode());
        CliRun missing = CliRun.of("docs", "render", "--kind", "shikaku-kakuninsho", "--out", dir.resolve("w.png").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--insurer-number"), missing.err());
    }

    @Test
    void misreadSampleCanBeRenderedOnPurposeAndCheckSaysRescan() throws Exception {
        Path png = dir.resolve("misread.png");
        CliRun render = CliRun.of("docs", "render", "--kind", "shikaku-kakuninsho", "--allow-invalid", "--insurer-number", "01130013",
                "--number", "1", "--name", "a", "--birth-date", "1989-05-10", "--issued-on", "2024-12-02", "--valid-until", "2029-11-30",
                "--out", png.toString());
        assertEquals(0, render.exitCode(), render.err());
        Path scanned = write("s.json", CliRun.of("docs", "scan", png.toString()).out());
        CliRun check = CliRun.of("docs", "check", scanned.toString(), "--as-of", "2026-11-22");
        assertTrue(check.out().contains("もう一度読み取る"), check.out());
    }

    @Test
    void scanRefusesForeignAndUnreadableImages() throws Exception {
        Path txt = write("not.png", "hello");
        CliRun run = CliRun.of("docs", "scan", txt.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("画像として読めません"), run.err());
        Path qr = dir.resolve("url.png");
        com.google.zxing.client.j2se.MatrixToImageWriter.writeToPath(new com.google.zxing.qrcode.QRCodeWriter()
                .encode("WIFI:S:clinic;;", com.google.zxing.BarcodeFormat.QR_CODE, 300, 300), "png", qr);
        CliRun foreign = CliRun.of("docs", "scan", qr.toString());
        assertEquals(2, foreign.exitCode());
        assertTrue(foreign.err().contains("mynadesk の書類の QR コードではありません"), foreign.err());
    }

    @Test
    void stdinIsAccepted() throws Exception {
        var oldIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(EXAMPLE.getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("docs", "check", "-", "--json");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("accept", JSON.readTree(run.out()).get("decision").asText());
        } finally {
            System.setIn(oldIn);
        }
    }

    @Test
    void twelveDigitValuesInAnyFieldAreNeverEchoed() throws Exception {
        String twelve = "123456789018";
        String[] inputs = {
            "{\"asOf\":\"2026-11-22\",\"documents\":[{\"kind\":\"hokensho\",\"number\":123456789018}]}",
            "{\"asOf\":\"123456789018\",\"documents\":[]}",
            "{\"asOf\":123456789018,\"documents\":[]}",
            "{\"asOf\":\"2026-11-22\",\"card\":{\"certificateNotAfter\":\"123456789018\"},\"documents\":[]}",
            "{\"asOf\":\"2026-11-22\",\"documents\":[{\"kind\":\"123456789018\"}]}",
            "{\"asOf\":\"2026-11-22\",\"documents\":[{\"kind\":\"hokensho\",\"sex\":\"123456789018\"}]}",
            "{\"asOf\":\"2026-11-22\",\"documents\":[{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"01130012\","
                + "\"number\":\"123456789018\",\"name\":\"協会 太郎\",\"birthDate\":\"123456789018\","
                + "\"issuedOn\":\"123456789018\",\"validUntil\":\"2029-11-30\"}]}",
            "{\"asOf\":\"2026-11-22\",\"documents\":123456789018}",
            "123456789018",
            "{\"asOf\":\"2026-11-22\",\"documents\":[{\"kind\":\"hokensho\",\"number\":1234567890181234567890}]}",
        };
        for (String in : inputs) {
            Path p = write("e.json", in);
            for (String[] args : new String[][] {{"docs", "check", p.toString(), "--json"}, {"docs", "check", p.toString()}}) {
                CliRun run = CliRun.of(args);
                assertFalse(run.out().contains(twelve) || run.err().contains(twelve), in + " -> " + run.out() + run.err());
            }
        }
    }
}
