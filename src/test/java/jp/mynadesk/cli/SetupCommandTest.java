package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.reader.PcscProblem;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.settings.ServiceChoice;
import jp.mynadesk.settings.Settings;
import jp.mynadesk.settings.Source;
import jp.mynadesk.testsupport.SimulatorRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mynadesk setup}: the settings file from options (scripts) or from answers typed in Japanese prompts. */
class SetupCommandTest {
    @TempDir
    Path dir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return env;
    }

    private Path file() {
        return dir.resolve("config/mynadesk/settings.yaml");
    }

    private CliRun setup(String stdin, SetupCommand.Readers readers, String... args) {
        return SettingsCommandTest.run(new SetupCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                env(), readers), args);
    }

    private static SetupCommand.Readers readers(String... names) {
        return () -> List.of(names);
    }

    private Settings written() {
        return Settings.resolve(Settings.Given.none(), env());
    }

    @Test
    void fromOptionsWithoutAQuestion() throws Exception {
        Path root = SimulatorRoot.write(dir);
        CliRun r = setup("", readers("Virtual PCD 00 00", "Virtual PCD 00 01"), "--institution", "2712345678", "--terminal",
                "DESK-02", "--reader", "Virtual PCD 00 00", "--trust-anchor", root.toString(), "--service", "none",
                "--visual-staff", "S001,S002", "--data", dir.resolve("records").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertFalse(r.out().contains("[") && r.out().contains("]: "), "no question asked: " + r.out());
        assertTrue(r.out().contains("SHA-256: " + SetupCommand.fingerprint(TestCa.standard().authRoot().certificate())), r.out());
        assertTrue(r.out().contains("（ルート）"), r.out());
        assertTrue(r.out().contains("カードリーダー: 確認できました"), r.out());
        assertTrue(r.out().contains("mynadesk doctor"), r.out());
        Settings s = written();
        assertTrue(s.fileRead());
        assertEquals("2712345678", s.institution().value());
        assertEquals(Source.FILE, s.institution().source());
        assertEquals("DESK-02", s.terminal().value());
        assertEquals("Virtual PCD 00 00", s.reader().value());
        assertEquals(List.of(root.toAbsolutePath()), s.trustAnchors().value());
        assertEquals(ServiceChoice.NONE, s.service().value());
        assertEquals(dir.resolve("records").toString(), s.record().value());
        assertEquals(List.of("S001", "S002"), s.visualStaff().value());
    }

    @Test
    void oneOptionChangesOneValueAndKeepsTheRest() throws Exception {
        assertEquals(0, setup("", readers(), "--terminal", "DESK-07", "--service", "mock").exitCode());
        CliRun again = setup("", readers(), "--service", "none");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("DESK-07", written().terminal().value());
        assertEquals(ServiceChoice.NONE, written().service().value());
        assertTrue(again.out().contains("医療機関コードが既定"), "the simulator's code is pointed out: " + again.out());
    }

    @Test
    void badValuesAreRefusedAndNothingIsWritten() throws Exception {
        Path notACert = Files.writeString(dir.resolve("secret-name.pem"), "not a certificate");
        for (String[] args : new String[][] {
                {"--institution", "12345"},
                {"--terminal", "bad desk!"},
                {"--service", "ftp://secretvalue/"},
                {"--trust-anchor", notACert.toString()},
                {"--trust-anchor", dir.resolve("missing.pem").toString()},
                {"--db", "jdbc:postgresql://db/x?password=secretvalue"},
                {"--visual-staff", "S1,,S2"}}) {
            CliRun r = setup("", readers(), args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith(args[0] + ":") || r.err().startsWith(args[0] + " の"), r.err());
            assertFalse(r.err().contains("secretvalue") || r.err().contains("secret-name"), r.err());
            assertFalse(Files.exists(file()), "nothing written for " + args[0]);
        }
    }

    @Test
    void answersTypedAtThePrompts() throws Exception {
        Path root = SimulatorRoot.write(dir);
        String answers = String.join("\n",
                "13",                       // not 10 digits: asked again
                "0112345678",
                "",                         // terminal: keep DESK-01 (not written)
                "Virtual",                  // reader
                root.toString(), "",        // one anchor, then the empty line
                "https://oqs.invalid.example/",  // service: answers nothing, a warning only
                dir.resolve("rec").toString(),
                "S1, S2") + "\n";
        CliRun r = setup(answers, readers("Virtual PCD 00 00"));
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("医療機関コード（半角数字10桁） [1311111111]: "), r.out());
        assertTrue(r.out().contains("医療機関コードは半角数字10桁です"), "the bad answer is explained: " + r.out());
        assertTrue(r.out().contains("見つかったカードリーダー: Virtual PCD 00 00"), r.out());
        assertTrue(r.out().contains("警告: サービスから応答がありません") || r.out().contains("警告: サービスに接続できません"), r.out());
        Settings s = written();
        assertEquals("0112345678", s.institution().value());
        assertEquals(Source.DEFAULT, s.terminal().source());
        assertEquals("Virtual", s.reader().value());
        assertEquals(List.of(root.toAbsolutePath()), s.trustAnchors().value());
        assertEquals("https://oqs.invalid.example/", s.service().value().text());
        assertEquals(dir.resolve("rec").toString(), s.record().value());
        assertEquals(List.of("S1", "S2"), s.visualStaff().value());

        // Run again: Enter everywhere keeps every value.
        CliRun keep = setup("\n".repeat(10), readers("Virtual PCD 00 00"));
        assertEquals(0, keep.exitCode(), keep.out() + keep.err());
        assertTrue(keep.out().contains("[0112345678]"), keep.out());
        assertEquals(s, written());
    }

    @Test
    void inputEndingEarlyWritesNothing() {
        CliRun r = setup("2712345678\n", readers());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("設定ファイルは書き込んでいません"), r.err());
        assertFalse(Files.exists(file()));
    }

    @Test
    void readerChecksAreWarningsOnly() {
        CliRun missing = setup("", readers("ACS ACR39U"), "--reader", "RC-S300");
        assertEquals(0, missing.exitCode(), missing.err());
        assertTrue(missing.out().contains("警告: 指定の名前に合うカードリーダーが見つかりません（見つかったもの: ACS ACR39U）"), missing.out());
        CliRun down = setup("", () -> {
            throw new ReaderException(PcscProblem.values()[0], "no pcscd", null);
        }, "--reader", "RC-S300");
        assertEquals(0, down.exitCode(), down.err());
        assertTrue(down.out().contains("PC/SC（pcscd）が応答しないため"), down.out());
    }

    @Test
    void withoutAnchorsSetupSaysCardsWillNotBeChecked() {
        CliRun r = setup("", readers(), "--trust-anchor", SimulatorRoot.write(dir.resolve("empty.pem"), new java.security.cert.X509Certificate[0]).toString());
        assertEquals(2, r.exitCode(), "a file without a certificate is not an anchor: " + r.out() + r.err());
        CliRun none = setup("", readers(), "--service", "none");
        assertEquals(0, none.exitCode());
        assertTrue(none.out().contains("証明書がありません。カードリーダーでのカードの確認は始まりません"), none.out());
    }
}
