package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import jp.mynadesk.doctor.Doctor;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mynadesk doctor} as a command: the settings file it reads (--config), the JSON shape, the exit codes
 * (0 all 正常, 1 a 警告, 3 an 異常, 2 bad usage) and the text lines, against an in-JVM reader and a mock service.
 */
class DoctorCommandTest {
    @TempDir
    Path dir;

    private final VirtualTerminals terminals = new VirtualTerminals();
    private long free = 50L << 30;

    private CliRun doctor(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        Doctor.Surroundings s = new Doctor.Surroundings(Clock.systemUTC(), ZoneId.of("Asia/Tokyo"),
                () -> new CardReaders(terminals.factory()), p -> free,
                new Doctor.Limits(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(20)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DoctorCommand(env, s));
        cli.setResourceBundle(ResourceBundle.getBundle("jp.mynadesk.cli.HelpText"));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ErrorReport report = new ErrorReport(List.of(args), cli.getOut(), cli.getErr());
        cli.setParameterExceptionHandler((e, a) -> report.fail(ExitCode.BAD_INPUT, UsageErrors.message(e)));
        cli.setExecutionExceptionHandler((e, c, p) -> Main.failure(e, report, cli.getErr()));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A clinic's settings: the vpcd-like reader, one anchor, a service, a record folder. */
    private Path settings(String service) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64,
                "\n".getBytes()).encodeToString(TestCa.standard().authRoot().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return Files.writeString(dir.resolve("settings.yaml"), "institution: \"1311111111\"\nterminal: DESK-02\n"
                + "reader: Desk Reader\ntrustAnchors: [ca.pem]\nservice: " + service + "\nrecord: data\n");
    }

    private void cardOnTheReader() throws Exception {
        terminals.plug("Desk Reader 00 00").insert(MyNumberCard.of(CardProfiles.resolve("default")));
    }

    @Test
    void theWorstFindingGivesTheDocumentedExitStatus() {
        // docs/CLINIC.md, "doctor": 0 all 正常, 1 a 警告, 3 an 異常; the numbers are cli.ExitCode's
        assertEquals(0, DoctorCommand.exitCode(jp.mynadesk.doctor.Status.OK).status);
        assertEquals(1, DoctorCommand.exitCode(jp.mynadesk.doctor.Status.WARNING).status);
        assertEquals(3, DoctorCommand.exitCode(jp.mynadesk.doctor.Status.PROBLEM).status);
    }

    @Test
    void allOkIsExitZeroAndTheJsonHasTheContractsShape() throws Exception {
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0))) {
            Path config = settings(service.uri().toString());
            cardOnTheReader();
            CliRun run = doctor("--config", config.toString(), "--json");
            assertEquals(0, run.exitCode(), run.out() + run.err());
            JsonNode root = new ObjectMapper().readTree(run.out());
            assertEquals(List.of("checks", "status"), names(root));
            assertEquals("ok", root.get("status").asText());
            List<String> checks = new ArrayList<>();
            for (JsonNode c : root.get("checks")) {
                assertEquals(List.of("name", "status", "message", "next"), names(c));
                assertEquals("ok", c.get("status").asText(), c.toString());
                assertFalse(c.get("message").asText().isBlank());
                checks.add(c.get("name").asText());
            }
            assertEquals(List.of("settings", "pcscd", "reader", "card", "trust-anchor", "service", "record", "clock", "disk"), checks);
            assertTrue(root.at("/checks/0/message").asText().contains(config.toString()));
        }
        assertTrue(Files.exists(dir.resolve("data").resolve("log").resolve("mynadesk.log")), "the diagnosis is logged");
        assertTrue(Files.readString(dir.resolve("data/log/mynadesk.log")).contains("診断の結果: 正常"));
    }

    @Test
    void aWarningIsExitOneAndTheTextHasOneLinePerCheckWithTheNextStep() throws Exception {
        cardOnTheReader();
        CliRun run = doctor("--config", settings("mock").toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(10, lines.size(), run.out());
        assertTrue(lines.get(5).startsWith("警告  service"), lines.get(5));
        assertTrue(lines.get(5).contains("simulation") && lines.get(5).contains(" → "), lines.get(5));
        assertEquals("診断の結果: 警告（正常 8・警告 1・異常 0）", lines.get(9));
    }

    @Test
    void aProblemIsExitThreeAndJsonSaysProblem() throws Exception {
        cardOnTheReader();
        Files.delete(settings("none").resolveSibling("ca.pem"));
        CliRun run = doctor("--config", dir.resolve("settings.yaml").toString(), "--json");
        assertEquals(3, run.exitCode(), run.out() + run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("problem", root.get("status").asText());
        assertEquals("problem", root.at("/checks/4/status").asText());
        assertEquals("trust-anchor", root.at("/checks/4/name").asText());
    }

    @Test
    void aBrokenSettingsFileIsAFindingNotBadUsage() throws Exception {
        cardOnTheReader();
        Path config = Files.writeString(dir.resolve("settings.yaml"), "institution: \"1311111111\"\nreadr: typo\n");
        CliRun run = doctor("--config", config.toString(), "--json", "--data", Files.createDirectories(dir.resolve("d")).toString());
        assertEquals(3, run.exitCode(), run.out() + run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("settings", root.at("/checks/0/name").asText());
        assertEquals("problem", root.at("/checks/0/status").asText());
        assertTrue(root.at("/checks/0/message").asText().contains("readr"), root.toString());
        assertEquals(9, root.get("checks").size(), "the other checks still ran, on the options");
        CliRun missing = doctor("--config", dir.resolve("nope.yaml").toString());
        assertEquals(3, missing.exitCode());
        assertTrue(missing.out().startsWith("異常  settings"), missing.out());
    }

    @Test
    void noSettingsFileIsAWarning() {
        CliRun run = doctor("--json", "--data", dir.toString(), "--service", "none", "--reader", "x");
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("\"name\" : \"settings\",\n    \"status\" : \"warning\""), run.out());
    }

    @Test
    void badUsageIsExitTwoWithAJapaneseMessageNamingTheOption() {
        CliRun service = doctor("--service", "ftp://example");
        assertEquals(2, service.exitCode());
        assertTrue(service.err().contains("--service"), service.err());
        assertFalse(service.err().contains("Exception"), service.err());
        assertEquals(2, doctor("--config", "").exitCode());
        assertEquals(2, doctor("--nope").exitCode());
        CliRun help = doctor("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--trust-anchor") && help.out().contains("終了コード"), help.out());
    }

    @Test
    void theCommandIsListedAndAnswersHelpThroughMain() {
        CliRun run = CliRun.of("doctor", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("診断"), run.out());
        assertTrue(CliRun.of("--help").out().contains("doctor"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
