package jp.mynadesk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where each setting comes from (option > environment > file > default) and every refused value (docs/CLINIC.md). */
class SettingsTest {
    @TempDir
    Path dir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return env;
    }

    private Path file(String yaml) throws IOException {
        Path f = dir.resolve("config/mynadesk/settings.yaml");
        Files.createDirectories(f.getParent());
        return Files.writeString(f, yaml, StandardCharsets.UTF_8);
    }

    @Test
    void withNothingAnywhereEverySettingIsItsDefault() {
        Settings s = Settings.resolve(Settings.Given.none(), env());
        assertFalse(s.fileRead());
        assertEquals(dir.resolve("config/mynadesk/settings.yaml"), s.location().path());
        assertEquals(new Setting<>("1311111111", Source.DEFAULT, "既定"), s.institution());
        assertEquals("DESK-01", s.terminal().value());
        assertNull(s.reader().value());
        assertEquals(List.of(), s.trustAnchors().value());
        assertNull(s.service().value());
        assertNull(s.record().value());
        assertEquals(Source.DEFAULT, s.visualStaff().source());
    }

    @Test
    void withoutXdgTheFileIsUnderHome() {
        Map<String, String> env = env();
        env.remove("XDG_CONFIG_HOME");
        assertEquals(dir.resolve("home/.config/mynadesk/settings.yaml"), Settings.resolve(Settings.Given.none(), env)
                .location().path());
        env.put("XDG_CONFIG_HOME", "relative/ignored");
        assertEquals(dir.resolve("home/.config/mynadesk/settings.yaml"), Settings.resolve(Settings.Given.none(), env)
                .location().path());
    }

    @Test
    void optionBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        file("""
                institution: "2712345678"
                terminal: FILE-DESK
                reader: RC-S300
                trustAnchors: [anchors/auth.pem, /etc/other.der]
                service: none
                record: records
                visualStaff: [S001, S002]
                """);
        Map<String, String> env = env();
        Settings fromFile = Settings.resolve(Settings.Given.none(), env);
        assertTrue(fromFile.fileRead());
        assertEquals(new Setting<>("2712345678", Source.FILE, "設定ファイル " + fromFile.location().path() + " の institution"),
                fromFile.institution());
        assertEquals("FILE-DESK", fromFile.terminal().value());
        assertEquals("RC-S300", fromFile.reader().value());
        assertEquals(List.of(dir.resolve("config/mynadesk/anchors/auth.pem"), Path.of("/etc/other.der")),
                fromFile.trustAnchors().value(), "relative paths are relative to the settings file's folder");
        assertEquals(ServiceChoice.NONE, fromFile.service().value());
        assertEquals(dir.resolve("config/mynadesk/records").toString(), fromFile.record().value());
        assertEquals(List.of("S001", "S002"), fromFile.visualStaff().value());

        env.put("MYNADESK_INSTITUTION", "1312345678");
        env.put("MYNADESK_TERMINAL", "ENV-DESK");
        env.put("MYNADESK_READER", "ACR39");
        env.put("MYNADESK_TRUST_ANCHORS", "/a.pem:/b.pem");
        env.put("MYNADESK_SERVICE", "mock");
        env.put("MYNADESK_DATA", "/var/env-data");
        env.put("MYNADESK_VISUAL_STAFF", "E1, E2");
        Settings fromEnv = Settings.resolve(Settings.Given.none(), env);
        assertEquals(new Setting<>("1312345678", Source.ENVIRONMENT, "環境変数 MYNADESK_INSTITUTION"), fromEnv.institution());
        assertEquals("ENV-DESK", fromEnv.terminal().value());
        assertEquals("ACR39", fromEnv.reader().value());
        assertEquals(List.of(Path.of("/a.pem"), Path.of("/b.pem")), fromEnv.trustAnchors().value());
        assertEquals(ServiceChoice.MOCK, fromEnv.service().value());
        assertEquals(new Setting<>("/var/env-data", Source.ENVIRONMENT, "環境変数 MYNADESK_DATA"), fromEnv.record());
        assertEquals(List.of("E1", "E2"), fromEnv.visualStaff().value());

        Settings fromOptions = Settings.resolve(new Settings.Given(null, "0112345678", "OPT", "Virtual PCD",
                List.of("x.pem"), "https://oqs.example/", "/var/opt-data", null, List.of("O1")), env);
        assertEquals(new Setting<>("0112345678", Source.OPTION, "--institution"), fromOptions.institution());
        assertEquals("OPT", fromOptions.terminal().value());
        assertEquals(new Setting<>("Virtual PCD", Source.OPTION, "--reader"), fromOptions.reader());
        assertEquals(List.of(Path.of("x.pem")), fromOptions.trustAnchors().value(), "an option's path is the shell's");
        assertEquals("https://oqs.example/", fromOptions.service().value().text());
        assertEquals(Source.OPTION, fromOptions.record().source());
        assertEquals(List.of("O1"), fromOptions.visualStaff().value());
    }

    @Test
    void theRecordPrefersTheDatabaseAtEachLevel() {
        Map<String, String> env = env();
        env.put("MYNADESK_DATA", "/d");
        env.put("MYNADESK_DB", "jdbc:postgresql://db/x");
        Settings s = Settings.resolve(Settings.Given.none(), env);
        assertEquals("環境変数 MYNADESK_DB", s.record().where());
        assertTrue(s.recordIsDatabase());
        Settings data = Settings.resolve(Settings.Given.record(null, "/opt", null), env);
        assertEquals("--data", data.record().where(), "an option beats any variable");
        assertFalse(data.recordIsDatabase());
    }

    @Test
    void anEmptyVariableIsUnsetAndAnEmptyFileSetsNothing() throws IOException {
        file("# nothing yet\n");
        Map<String, String> env = env();
        env.put("MYNADESK_READER", "");
        env.put("MYNADESK_CONFIG", "");
        Settings s = Settings.resolve(Settings.Given.none(), env);
        assertTrue(s.fileRead());
        assertEquals(Source.DEFAULT, s.reader().source());
    }

    @Test
    void configOptionAndVariableNameTheFile() throws IOException {
        Path other = Files.writeString(dir.resolve("other.yaml"), "terminal: OTHER\n");
        Path third = Files.writeString(dir.resolve("third.yaml"), "terminal: THIRD\n");
        Map<String, String> env = env();
        env.put("MYNADESK_CONFIG", third.toString());
        assertEquals("THIRD", Settings.resolve(Settings.Given.none(), env).terminal().value());
        assertEquals("OTHER", Settings.resolve(Settings.Given.record(other.toString(), null, null), env).terminal().value());
    }

    @Test
    void aNamedFileMustExistTheDefaultOneNeedNot() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.resolve(Settings.Given.record(dir.resolve("missing.yaml").toString(), null, null), env()));
        assertTrue(e.getMessage().startsWith("--config: "), e.getMessage());
        assertTrue(e.getMessage().contains("mynadesk setup"), e.getMessage());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("institution: \"13111\"\n", "institution", "医療機関コードは半角数字10桁"),
                Arguments.of("institution: \"9911111111\"\n", "institution", "都道府県番号 01〜47"),
                Arguments.of("institution: [\"1311111111\"]\n", "institution", "1つの文字列"),
                Arguments.of("terminal: \"desk 1!secretvalue\"\n", "terminal", "英数字・-・_"),
                Arguments.of("reader: \"\"\n", "reader", "200文字以内"),
                Arguments.of("trustAnchors: {a: secretvalue}\n", "trustAnchors", "リスト"),
                Arguments.of("trustAnchors: [\"\"]\n", "trustAnchors の 1 番目", "パスを指定"),
                Arguments.of("service: ftp://secretvalue.example/\n", "service", "none（サービスなし）、mock"),
                Arguments.of("service: https://user:secretvalue@oqs.example/\n", "service", "パスワードは書けません"),
                Arguments.of("record: jdbc:postgresql://db/x?password=secretvalue\n", "record", "パスワードを書かないで"),
                Arguments.of("record: jdbc:mysql://secretvalue/x\n", "record", "PostgreSQL の JDBC URL"),
                Arguments.of("visualStaff: [\"S1,secretvalue\"]\n", "visualStaff", "カンマなし"),
                Arguments.of("password: secretvalue\n", "知らないキー「password」", "使えるキー: institution"),
                Arguments.of("terminal: A\nterminal: secretvalue\n", "同じキーが2回", "2 行目"),
                Arguments.of("terminal: [secretvalue\n", "YAML として読めません", "キー: 値"),
                Arguments.of("- secretvalue\n", "「キー: 値」の組", "使えるキー"),
                Arguments.of("terminal: A\n---\nterminal: secretvalue\n", "YAML の文書は1つだけ", "---"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingTheKeyWithoutTheValue(String yaml, String key, String allowed) throws IOException {
        file(yaml);
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.resolve(Settings.Given.none(), env()));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertTrue(e.getMessage().contains(allowed), e.getMessage());
        assertFalse(e.getMessage().contains("secretvalue"), e.getMessage());
        assertTrue(e.getMessage().startsWith("設定ファイル " + dir.resolve("config/mynadesk/settings.yaml")), e.getMessage());
    }

    @Test
    void badOptionsAndVariablesAreNamedToo() {
        Map<String, String> env = env();
        env.put("MYNADESK_SERVICE", "secretvalue");
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.resolve(Settings.Given.none(), env));
        assertTrue(e.getMessage().startsWith("環境変数 MYNADESK_SERVICE: "), e.getMessage());
        assertFalse(e.getMessage().contains("secretvalue"));
        SettingsException o = assertThrows(SettingsException.class, () -> Settings.resolve(new Settings.Given(null,
                "secretvalue", null, null, null, null, null, null, null), env()));
        assertTrue(o.getMessage().startsWith("--institution: "), o.getMessage());
        assertFalse(o.getMessage().contains("secretvalue"));
    }

    @Test
    void onlyARegularFileOfBoundedSizeIsRead() throws Exception {
        Path big = file("# " + "x".repeat((int) SettingsFile.MAX_BYTES) + "\n");
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.resolve(Settings.Given.none(), env()));
        assertTrue(e.getMessage().contains("64 KiB"), e.getMessage());
        Files.delete(big);
        Files.createDirectory(big);
        assertTrue(assertThrows(SettingsException.class, () -> Settings.resolve(Settings.Given.none(), env()))
                .getMessage().contains("通常のファイルではありません"));
        Path fifo = dir.resolve("fifo.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        SettingsException pipe = assertThrows(SettingsException.class,
                () -> Settings.resolve(Settings.Given.record(fifo.toString(), null, null), env()));
        assertTrue(pipe.getMessage().contains("名前付きパイプ"), pipe.getMessage());
    }

    @Test
    void notUtf8IsRefused() throws IOException {
        Path f = file("");
        Files.write(f, new byte[] {'t', 'e', 'r', 'm', 'i', 'n', 'a', 'l', ':', ' ', (byte) 0x82, (byte) 0xA0, '\n'});
        assertTrue(assertThrows(SettingsException.class, () -> Settings.resolve(Settings.Given.none(), env()))
                .getMessage().contains("UTF-8"));
    }

    @Test
    void whatSetupWritesReadsBack() throws IOException {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("institution", "0112345678");
        values.put("terminal", "DESK-02");
        values.put("reader", "SONY \"FeliCa\" RC-S300");
        values.put("trustAnchors", List.of("/etc/mynadesk/auth ca.pem"));
        values.put("service", "none");
        values.put("visualStaff", List.of("S001", "職員2"));
        Path f = dir.resolve("config/mynadesk/settings.yaml");
        SettingsWriter.write(f, SettingsWriter.yaml(values));
        Settings s = Settings.resolve(Settings.Given.none(), env());
        assertEquals("0112345678", s.institution().value());
        assertEquals("SONY \"FeliCa\" RC-S300", s.reader().value());
        assertEquals(List.of(Path.of("/etc/mynadesk/auth ca.pem")), s.trustAnchors().value());
        assertEquals(ServiceChoice.NONE, s.service().value());
        assertEquals(List.of("S001", "職員2"), s.visualStaff().value());
        assertNull(s.record().value());
    }
}
