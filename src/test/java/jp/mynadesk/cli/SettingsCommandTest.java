package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code settings show}, and every desk and record command reading the settings file: values, where they came from,
 * and a bad file refused with exit 2 before anything is opened (docs/CLINIC.md, "Settings").
 */
class SettingsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Runs one command object (its environment injected) the way Main runs it: same exit codes and messages. */
    static CliRun run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(command);
        cli.setResourceBundle(ResourceBundle.getBundle("jp.mynadesk.cli.HelpText"));
        cli.setOut(o);
        cli.setErr(e);
        ErrorReport report = new ErrorReport(List.of(args), o, e);
        cli.setParameterExceptionHandler((x, a) -> report.fail(ExitCode.BAD_INPUT, UsageErrors.message(x)));
        cli.setExecutionExceptionHandler((x, c, p) -> Main.failure(x, report, e));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return env;
    }

    private Path settingsFile(String yaml) throws Exception {
        Path f = dir.resolve("config/mynadesk/settings.yaml");
        Files.createDirectories(f.getParent());
        return Files.writeString(f, yaml, StandardCharsets.UTF_8);
    }

    @Test
    void showSaysWhereEachValueCameFrom() throws Exception {
        settingsFile("institution: \"2712345678\"\nservice: none\nvisualStaff: [S001]\n");
        Map<String, String> env = env();
        env.put("MYNADESK_TERMINAL", "ENV-DESK");
        CliRun r = run(new SettingsCommand.Show(env), "--reader", "Virtual PCD", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(dir.resolve("config/mynadesk/settings.yaml").toString(), j.at("/file/path").asText());
        assertEquals("default", j.at("/file/source").asText());
        assertTrue(j.at("/file/exists").asBoolean());
        JsonNode s = j.get("settings");
        assertEquals(List.of("institution", "terminal", "reader", "trustAnchors", "service", "record", "visualStaff"),
                iterable(s.fieldNames()));
        assertEquals("2712345678", s.at("/institution/value").asText());
        assertEquals("file", s.at("/institution/source").asText());
        assertEquals("ENV-DESK", s.at("/terminal/value").asText());
        assertEquals("environment", s.at("/terminal/source").asText());
        assertEquals("環境変数 MYNADESK_TERMINAL", s.at("/terminal/from").asText());
        assertEquals("Virtual PCD", s.at("/reader/value").asText());
        assertEquals("option", s.at("/reader/source").asText());
        assertEquals(0, s.at("/trustAnchors/value").size());
        assertEquals("default", s.at("/trustAnchors/source").asText());
        assertEquals("none", s.at("/service/value").asText());
        assertEquals(dir.resolve("home/.local/share/mynadesk").toString(), s.at("/record/value").asText());
        assertEquals("default", s.at("/record/source").asText());
        assertEquals("S001", s.at("/visualStaff/value/0").asText());

        CliRun text = run(new SettingsCommand.Show(env));
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("terminal: ENV-DESK　［環境変数: 環境変数 MYNADESK_TERMINAL］"), text.out());
        assertTrue(text.out().contains("institution: 2712345678　［設定ファイル: "), text.out());
    }

    @Test
    void withoutAFileEverythingIsTheDefaultAndTheServiceFollowsTheCard() throws Exception {
        JsonNode s = JSON.readTree(run(new SettingsCommand.Show(env()), "--json").out());
        assertFalse(s.at("/file/exists").asBoolean());
        assertEquals("1311111111", s.at("/settings/institution/value").asText());
        assertTrue(s.at("/settings/reader/value").isNull());
        assertEquals("none", s.at("/settings/service/value").asText(), "no card: the mock is never the default");
        JsonNode virtual = JSON.readTree(run(new SettingsCommand.Show(env()), "--virtual", "default", "--json").out());
        assertEquals("mock", virtual.at("/settings/service/value").asText());
        assertEquals("default", virtual.at("/settings/service/source").asText());
    }

    @Test
    void aBadFileStopsEveryDeskAndRecordCommandWithExit2() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "terminal: DESK-01\nservise: https://secret.example/\n");
        for (String[] line : new String[][] {
                {"settings", "show", "--config", bad.toString()},
                {"check", "--virtual", "default", "--data", dir.resolve("d").toString(), "--config", bad.toString()},
                {"desk", "--virtual", "default", "--data", dir.resolve("d").toString(), "--config", bad.toString()},
                {"visits", "--data", dir.resolve("d").toString(), "--config", bad.toString()},
                {"recheck", "--data", dir.resolve("d").toString(), "--config", bad.toString()},
                {"db", "verify", "--data", dir.resolve("d").toString(), "--config", bad.toString()}}) {
            CliRun r = CliRun.of(line);
            assertEquals(2, r.exitCode(), String.join(" ", line) + ": " + r.out() + r.err());
            assertTrue(r.err().contains("知らないキー「servise」"), r.err());
            assertTrue(r.err().contains("使えるキー: institution, terminal, reader, trustAnchors, service, record, visualStaff"), r.err());
            assertFalse(r.err().contains("secret"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("d")), "nothing was opened");
        CliRun missing = CliRun.of("visits", "--config", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--config: "), missing.err());
    }

    @Test
    void aCheckUsesTheFilesDeskAndRecord() throws Exception {
        Path config = Files.writeString(dir.resolve("desk.yaml"), "terminal: FILE-DESK\ninstitution: \"1311111111\"\nrecord: records\n");
        CliRun check = CliRun.of("check", "--virtual", "default", "--config", config.toString(), "--as-of", "2026-12-01T09:30",
                "--json");
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(JSON.readTree(check.out()).get("simulated").asBoolean());
        assertTrue(Files.exists(dir.resolve("records/mynadesk.db")), "the record is where the file says, relative to it");
        JsonNode listed = JSON.readTree(CliRun.of("visits", "--json", "--config", config.toString()).out());
        assertEquals("FILE-DESK", listed.get(0).get("terminal").asText());
        assertEquals(1, JSON.readTree(CliRun.of("visits", "--json", "--simulated", "--config", config.toString()).out()).size());
        assertEquals(0, JSON.readTree(CliRun.of("visits", "--json", "--clinic", "--config", config.toString()).out()).size());
        assertTrue(CliRun.of("visits", "--csv", "--config", config.toString()).out().strip().endsWith(",true"));
        assertEquals(2, CliRun.of("visits", "--simulated", "--clinic", "--config", config.toString()).exitCode(),
                "one kind or the other");
    }

    @Test
    void theSettingsServiceNoneAppliesToAVirtualCardToo() throws Exception {
        Path config = Files.writeString(dir.resolve("none.yaml"), "service: none\nrecord: r\n");
        CliRun check = CliRun.of("check", "--virtual", "default", "--config", config.toString(), "--as-of", "2026-12-01T09:30",
                "--json");
        assertEquals(0, check.exitCode(), check.err());
        assertEquals("service-offline", JSON.readTree(check.out()).at("/reason/code").asText());
        assertFalse(check.err().contains("模擬オンライン資格確認サービス"), "no mock started: " + check.err());
    }

    @Test
    void onlyTheListedStaffMayConfirmVisually() throws Exception {
        Path config = Files.writeString(dir.resolve("staff.yaml"), "visualStaff: [S001, S002]\nrecord: r\n");
        CliRun refused = CliRun.of("check", "--virtual", "blocked", "--mode", "visual", "--staff", "S999", "--config",
                config.toString(), "--as-of", "2026-12-01T09:30", "--json");
        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("visualStaff"), refused.err());
        CliRun allowed = CliRun.of("check", "--virtual", "blocked", "--mode", "visual", "--staff", "S002", "--config",
                config.toString(), "--as-of", "2026-12-01T09:30", "--json");
        assertEquals(0, allowed.exitCode(), allowed.err());
    }

    @Test
    void recheckWithoutAServiceSaysSoAndChangesNothing() {
        CliRun r = CliRun.of("recheck", "--data", dir.resolve("d").toString());
        assertEquals(3, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("service: none"), r.err());
    }

    @Test
    void theTerminalSaysWhenItIsASimulation() {
        CliRun simulated = DeskAtRestTest.withStdin("q\n", "desk", "--virtual", "default", "--data", dir.resolve("a").toString());
        assertEquals(0, simulated.exitCode(), simulated.err());
        assertTrue(simulated.out().contains("練習モード（模擬サービス）"), simulated.out());
        CliRun clinic = DeskAtRestTest.withStdin("q\n", "desk", "--data", dir.resolve("b").toString());
        assertEquals(0, clinic.exitCode(), clinic.err());
        assertFalse(clinic.out().contains("練習モード"), clinic.out());
        assertTrue(clinic.out().contains("オンライン資格確認: 未接続（設定なし）"), clinic.out());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
