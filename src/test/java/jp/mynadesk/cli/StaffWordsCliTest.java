package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.virtualcard.CardProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What staff read from the commands: Japanese words, no codes or English (issue 19, "a screen that tells the truth"). */
class StaffWordsCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AS_OF = "2026-12-01T09:30:00+09:00";
    /** 転職 結衣's old 資格確認書: she has moved to 協会けんぽ since (the built-in registry). */
    static final String OLD_KAKUNINSHO = """
            {"kind": "shikaku-kakuninsho", "insurerNumber": "06139992", "insurerName": "関東電機健康保険組合",
             "symbol": "802", "number": "7777", "branch": "00", "name": "転職 結衣", "birthDate": "1998-02-28",
             "sex": "female", "issuedOn": "2024-12-02", "validUntil": "2029-11-30"}
            """;
    /** Codes and English words staff must not read (a reason code, a sex code, a limit-class code). */
    static final Pattern CODE = Pattern.compile("wrong-pin|pin-format|service-offline|cancelled|female|male|\\bA0[1-6]\\b|[a-z]+-[a-z]+");

    @TempDir
    Path data;

    CliRun run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--data=" + data;
        return CliRun.of(all);
    }

    @Test
    void visitsSpeaksWordsAndNamesTheRowsItCan() throws Exception {
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0).clock(Clock.systemUTC())
                .batchProcessingTime(Duration.ZERO))) {
            warm(service);
            assertEquals(0, DeskAtRestTest.withStdin("0000\n", "check", "--virtual", "default", "--pin-stdin", "--service",
                    service.uri().toString(), "--as-of", AS_OF, "--data", data.toString()).exitCode());
            service.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            String expired = OLD_KAKUNINSHO.replace("2029-11-30", "2026-11-30");
            assertEquals(0, DeskAtRestTest.withStdin(expired, "check", "--document", "-", "--service", service.uri().toString(),
                    "--as-of", AS_OF, "--data", data.toString()).exitCode());
        }
        String listed = run("visits").out();
        assertFalse(CODE.matcher(listed.replace(data.toString(), "")).find(), listed);
        for (JsonNode v : JSON.readTree(run("visits", "--json").out())) {
            // whatever the reason (a loaded machine may time the service out before the PIN), it is said in words
            assertTrue(listed.contains(v.at("/reason/message").asText()), v.at("/reason/code") + ": " + listed);
            assertFalse(listed.contains(v.at("/reason/code").asText()), listed);
        }
        assertTrue(listed.contains("保険診療として受付できません") && listed.contains("転職 結衣"), "the rejected row is named: " + listed);
    }

    /** The mock's first CRL is the slowest answer of a cold JVM: asked once, so a loaded machine is no outage. */
    static void warm(OqsServer service) {
        try (jp.mynadesk.oqs.OqsClient c = jp.mynadesk.oqs.OqsClient.builder(service.uri()).requestTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(30)).build()) {
            c.crl();
        }
    }

    @Test
    void theRecheckNamesThePatientInTheCommandAndInVisitsJson() throws Exception {
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0).clock(Clock.systemUTC())
                .batchProcessingTime(Duration.ZERO))) {
            String url = service.uri().toString();
            service.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            assertEquals(0, DeskAtRestTest.withStdin(OLD_KAKUNINSHO, "check", "--document", "-", "--service", url, "--as-of", AS_OF,
                    "--data", data.toString()).exitCode());
            service.faults().set(FaultPlan.none());
            CliRun recheck = run("recheck", "--service", url, "--as-of", AS_OF);
            assertEquals(0, recheck.exitCode(), recheck.err());
            assertTrue(recheck.out().contains("転職 結衣") && recheck.out().contains("06139992"), recheck.out());
        }
        JsonNode v = JSON.readTree(run("visits", "--json").out()).get(0);
        assertEquals("discrepancy", v.get("recheckState").asText());
        assertEquals("qualification-lost-has-other", v.at("/recheckFinding/kind").asText());
        assertEquals("06139992", v.at("/recheckFinding/found/insurerNumber").asText());
        assertEquals("転職 結衣", v.at("/patient/name").asText());
        assertFalse(v.at("/recheckFinding/message").asText().isBlank());
        String listed = run("visits").out();
        assertTrue(listed.contains("再照会: 転職 結衣"), listed);
    }

    @Test
    void aServiceUrlThatAnswersNothingIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        String url = "http://127.0.0.1:" + port + "/";
        CliRun check = run("check", "--virtual", "default", "--service", url, "--as-of", AS_OF);
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("接続先 " + url + " につながりません"), check.out());
        assertEquals("service-offline", JSON.readTree(run("visits", "--json").out()).get(0).at("/reason/code").asText());
    }

    @Test
    void theDemoHeaderIsInJapanese() throws Exception {
        CliRun demo = CliRun.of("demo", "--as-of", AS_OF, "--data", data.toString());
        assertEquals(0, demo.exitCode(), demo.err());
        String header = demo.out().lines().filter(l -> l.startsWith("カード:")).findFirst().orElseThrow();
        assertFalse(header.contains(CardProfiles.resolve("default").description()), header);
        assertTrue(header.contains("協会 太郎 さんのマイナンバーカード。暗証番号の残り3回"), header);
        assertFalse(demo.out().contains("監査ログ"), "one word: 監査記録");
    }

    @Test
    void theServiceAndTheWebDeskDoNotShareADefaultPort() {
        assertTrue(CliRun.of("service", "start", "--help").out().replaceAll("\\s+", "").contains("既定:8080"));
        assertTrue(CliRun.of("desk", "--help").out().replaceAll("\\s+", "").contains("既定:8765"));
    }

    @Test
    void aBusyPortIsSaidInJapaneseWithoutTheServersLog() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun web = run("desk", "--web", "--virtual", "default", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(3, web.exitCode(), web.err());
            assertTrue(web.err().contains("待ち受けを始められません"), web.err());
            assertFalse(web.err().contains("Javalin") || web.err().contains("ERROR") || web.out().contains("Javalin"), web.err());
        }
        assertTrue(Files.isDirectory(data));
    }
}
