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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.mynadesk.oplog.OperationsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations log after real commands (virtual card, mock service): it exists in the data folder, says what ran
 * and with which settings, and holds none of the patient's values (the PIN, name, kana, birth date, insurer number,
 * 記号・番号, any 12-digit run); an unexpected failure is in it with its stack trace and the message says where it is.
 */
class OperationsLogCliTest {
    private static final String PIN = "7395";
    private static final String WRONG_PIN = "7396";
    private static final String DEFAULT_PIN = "1234";

    @TempDir
    Path dir;

    @Test
    void checksLeaveALogWithoutThePatientsValues() throws Exception {
        Path data = dir.resolve("data");
        Path profile = Files.writeString(dir.resolve("privacy.json"), """
                {"name": "privacy", "description": "distinctive values",
                 "holder": {"name": "秘密 守", "kana": "ヒミツ マモル", "birthDate": "1980-02-17", "sex": "1",
                            "address": "東京都千代田区"},
                 "issued": "2024-06-01", "authPin": "%s"}
                """.formatted(PIN));
        String[] common = {"--data", data.toString(), "--as-of", "2026-12-01T09:30", "--consent", "all", "--json"};
        List<JsonNode> visits = new ArrayList<>();
        for (String pin : List.of(WRONG_PIN, PIN)) {
            CliRun run = DeskAtRestTest.withStdin(pin + "\n", DeskAtRestTest.concat(
                    new String[] {"check", "--virtual", profile.toString(), "--pin-stdin"}, common));
            assertEquals(0, run.exitCode(), run.err());
            visits.add(new ObjectMapper().readTree(run.out()));
        }
        // a patient the mock service knows: the answer carries name, birth date, insurer number, 記号・番号
        CliRun known = DeskAtRestTest.withStdin(DEFAULT_PIN + "\n", DeskAtRestTest.concat(
                new String[] {"check", "--virtual", "default", "--pin-stdin"}, common));
        assertEquals(0, known.exitCode(), known.err());
        visits.add(new ObjectMapper().readTree(known.out()));
        Path document = Files.writeString(dir.resolve("kakuninsho.json"), """
                {"kind": "shikaku-kakuninsho", "insurerNumber": "01130012", "insurerName": "全国健康保険協会東京支部",
                 "symbol": "24680135", "number": "7", "branch": "01", "name": "書類 花子", "birthDate": "1975-09-23",
                 "sex": "female", "issuedOn": "2024-12-02", "validUntil": "2029-11-30"}
                """);
        CliRun offline = DeskAtRestTest.withStdin(PIN + "\n", DeskAtRestTest.concat(new String[] {"check", "--virtual",
                profile.toString(), "--pin-stdin", "--service", "http://127.0.0.1:9/", "--document", document.toString()},
                common));
        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals("document-offline", new ObjectMapper().readTree(offline.out()).get("route").asText(), offline.out());
        assertEquals(0, CliRun.of("visits", "--data", data.toString()).exitCode());

        Path log = data.resolve("log").resolve("mynadesk.log");
        assertTrue(Files.exists(log), "the operations log is in the data folder");
        String text = Files.readString(log);
        assertTrue(text.contains("INFO process: 開始: mynadesk"), text);
        assertTrue(text.contains("INFO process: 終了: check（終了コード 0）"), text);
        assertTrue(text.contains("INFO process: 終了: visits（終了コード 0）"), text);
        assertTrue(text.contains("受付を開きました: 練習モード（模擬）、カードリーダー 仮想カード（プロファイル privacy）"), text);
        assertTrue(text.contains("記録 " + data.toAbsolutePath().resolve("mynadesk.db")), text);
        assertTrue(text.contains("WARNING service: オンライン資格確認に接続できません"), text);

        JsonNode q = visits.get(2).get("qualification");
        assertEquals("confirmed", visits.get(2).get("outcome").asText(), "the check really read the patient");
        List<String> secrets = new ArrayList<>(List.of("秘密", "守", "ヒミツ", "マモル", "1980-02-17", "19800217", "1980/02/17",
                "昭和55", "S55", "24680135", "書類", "花子", "1975-09-23"));
        for (String field : List.of("insurerNumber", "symbol", "name", "birthDate")) {
            secrets.add(q.get(field).asText());
        }
        secrets.addAll(List.of("協会", "太郎", "キョウカイ", "タロウ", "19890510"));
        secrets.add(q.get("symbol").asText() + "・" + q.get("number").asText());
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "the log holds " + secret + ":\n" + text);
        }
        String withoutPids = text.replaceAll("\\[\\d+\\]|pid \\d+", "");
        for (String pin : List.of(PIN, WRONG_PIN, DEFAULT_PIN)) {
            assertFalse(Pattern.compile("(?<!\\d)" + pin + "(?!\\d)").matcher(withoutPids).find(), "the log holds a PIN");
        }
        // (JUnit's temporary folder has a long number in its name)
        assertFalse(Pattern.compile("\\d{12}").matcher(text.replace(dir.toAbsolutePath().toString(), "<dir>")).find(),
                "no 12-digit run");
    }

    @Test
    void anUnexpectedFailureIsLoggedWithItsStackTraceAndTheMessageSaysWhere() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        RunLog.begin(new String[] {"check", "--data", data.toString()});
        StringWriter err = new StringWriter();
        int code;
        try {
            code = Main.failure(new IllegalStateException("broken for 06139012"), new ErrorReport(List.of(), new PrintWriter(
                    new StringWriter()), new PrintWriter(err, true)), new PrintWriter(err, true));
        } finally {
            RunLog.end(ExitCode.UNEXPECTED.status);
        }
        assertEquals(ExitCode.UNEXPECTED.status, code);
        Path log = data.resolve("log").resolve("mynadesk.log").toAbsolutePath();
        String message = err.toString().strip();
        assertTrue(message.startsWith("予期しないエラーが起きました。"), message);
        assertTrue(message.endsWith("詳しい記録は " + log + " にあります（システム担当者に渡してください）。"), message);
        String text = Files.readString(log);
        assertTrue(text.contains("SEVERE cli: 予期しないエラー（check）"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: broken for [数字8桁]"), text);
        assertTrue(text.contains("\tat jp.mynadesk.cli.OperationsLogCliTest."), text);
        assertTrue(text.contains("終了: check（終了コード 1）"), text);
        assertTrue(OperationsLog.file().isEmpty(), "closed when the command ended");
    }

    @Test
    void anUnexpectedFailureBeforeTheLogWasOpenedGoesToTheSettingsRecordFolder() throws Exception {
        Path data = Files.createDirectories(dir.resolve("clinic-data"));
        Path config = Files.writeString(dir.resolve("settings.yaml"), "record: clinic-data\n");
        RunLog.begin(new String[] {"visits", "--config", config.toString()});
        String where;
        try {
            where = RunLog.unexpected(new IllegalStateException("early"), Map.of("HOME", dir.toString()));
        } finally {
            RunLog.end(ExitCode.UNEXPECTED.status);
        }
        Path log = data.resolve("log").resolve("mynadesk.log").toAbsolutePath();
        assertTrue(where.contains(log.toString()), where);
        assertTrue(Files.readString(log).contains("java.lang.IllegalStateException: early"));
    }

    @Test
    void aCommandWithoutADataFolderWritesNoLog() {
        CliRun run = CliRun.of("insurer-number", "check", "06139012");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(OperationsLog.file().isEmpty());
    }

    @Test
    void onlyTheCommandsNameIsLoggedNeverItsArguments() {
        assertEquals("db verify", RunLog.name(new String[] {"db", "verify", "--data", "x"}));
        assertEquals("insurer-number", RunLog.name(new String[] {"insurer-number", "check", "06139012"}));
        assertEquals("check", RunLog.name(new String[] {"check", "--virtual", "default"}));
        assertEquals("mynadesk", RunLog.name(new String[] {"--version"}));
        assertEquals("mynadesk", RunLog.name(new String[0]));
    }
}
