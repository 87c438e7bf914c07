package jp.mynadesk.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings in force for one command: each value from the command line, else the environment, else the settings
 * file, else the default (docs/CLINIC.md, "Settings"), with where it came from. Every value is checked the same way
 * whatever its source; a bad one is a {@link SettingsException} naming the option, variable or key and what is
 * allowed, never the value itself.
 *
 * @param location    the settings file's place (null when none can be named)
 * @param fileRead    a settings file was there and was read: this machine is a configured desk
 * @param reader      a PC/SC reader name or a unique part of it; null = the only reader
 * @param service     null = the default for the run: the mock with a virtual card, else none
 * @param record      a data folder or a {@code jdbc:postgresql://} URL; null = the platform's data folder
 */
public record Settings(SettingsFile.Location location, boolean fileRead, Setting<String> institution,
                       Setting<String> terminal, Setting<String> reader, Setting<List<Path>> trustAnchors,
                       Setting<ServiceChoice> service, Setting<String> record, Setting<List<String>> visualStaff) {

    /** The clinic the simulator's registry knows (the default until a clinic sets its own). */
    public static final String DEFAULT_INSTITUTION = "1311111111";
    public static final String DEFAULT_TERMINAL = "DESK-01";

    public static final String INSTITUTION_ENV = "MYNADESK_INSTITUTION";
    public static final String TERMINAL_ENV = "MYNADESK_TERMINAL";
    public static final String READER_ENV = "MYNADESK_READER";
    public static final String TRUST_ANCHORS_ENV = "MYNADESK_TRUST_ANCHORS";
    public static final String SERVICE_ENV = "MYNADESK_SERVICE";
    public static final String DB_ENV = "MYNADESK_DB";
    public static final String DATA_ENV = "MYNADESK_DATA";
    public static final String VISUAL_STAFF_ENV = "MYNADESK_VISUAL_STAFF";

    private static final Pattern INSTITUTION = Pattern.compile("(0[1-9]|[1-3][0-9]|4[0-7])[0-9]{8}");
    private static final Pattern TERMINAL = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    /** What the command line gave (null or empty = not given). */
    public record Given(String config, String institution, String terminal, String reader, List<String> trustAnchors,
                        String service, String data, String db, List<String> visualStaff) {
        public static Given none() {
            return new Given(null, null, null, null, null, null, null, null, null);
        }

        /** The record's options and the settings file (the commands that open only the record). */
        public static Given record(String config, String data, String db) {
            return new Given(config, null, null, null, null, null, data, db, null);
        }
    }

    /**
     * Resolves every setting.
     *
     * @throws SettingsException for a settings file that cannot be used or any bad value
     */
    public static Settings resolve(Given given, Map<String, String> env) {
        SettingsFile.Location location = SettingsFile.locate(given.config(), env);
        SettingsFile.Contents file = SettingsFile.read(location);
        Map<String, JsonNode> values = file.values();
        Path base = location == null || location.path().toAbsolutePath().getParent() == null ? null
                : location.path().toAbsolutePath().getParent();
        String inFile = location == null ? "" : location.label() + " の ";

        Setting<String> institution = text(given.institution(), "--institution", env, INSTITUTION_ENV, values,
                "institution", inFile, DEFAULT_INSTITUTION);
        checkInstitution(institution.value(), institution.where());
        Setting<String> terminal = text(given.terminal(), "--terminal", env, TERMINAL_ENV, values, "terminal", inFile,
                DEFAULT_TERMINAL);
        checkTerminal(terminal.value(), terminal.where());
        Setting<String> reader = text(given.reader(), "--reader", env, READER_ENV, values, "reader", inFile, null);
        if (reader.isSet()) {
            checkReader(reader.value(), reader.where());
        }

        Setting<List<String>> anchorTexts = list(given.trustAnchors(), "--trust-anchor", env, TRUST_ANCHORS_ENV,
                File.pathSeparator, values, "trustAnchors", inFile);
        Setting<List<Path>> trustAnchors = anchorPaths(anchorTexts, base, env);

        Setting<String> serviceText = text(given.service(), "--service", env, SERVICE_ENV, values, "service", inFile, null);
        Setting<ServiceChoice> service = serviceText.isSet()
                ? new Setting<>(ServiceChoice.parse(serviceText.value(), serviceText.where()), serviceText.source(),
                        serviceText.where())
                : Setting.ofDefault(null);

        Setting<String> record = record(given, env, values, inFile, base);

        Setting<List<String>> visualStaff = list(given.visualStaff(), "--visual-staff", env, VISUAL_STAFF_ENV, ",",
                values, "visualStaff", inFile);
        checkStaff(visualStaff.value(), visualStaff.where());
        return new Settings(location, file.exists(), institution, terminal, reader, trustAnchors, service, record,
                visualStaff);
    }

    /** The option's value, else the variable's (empty = unset), else the file's (a scalar), else the default. */
    private static Setting<String> text(String option, String optionName, Map<String, String> env, String variable,
                                        Map<String, JsonNode> values, String key, String inFile, String fallback) {
        if (option != null) {
            return new Setting<>(option, Source.OPTION, optionName);
        }
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Setting<>(fromEnv, Source.ENVIRONMENT, "環境変数 " + variable);
        }
        JsonNode node = values.get(key);
        if (node != null) {
            String where = inFile + key;
            if (!(node.isTextual() || node.isIntegralNumber())) {
                throw new SettingsException(where + ": 値は1つの文字列で書いてください（リストや「キー: 値」は使えません）。");
            }
            return new Setting<>(node.asText(), Source.FILE, where);
        }
        return Setting.ofDefault(fallback);
    }

    /** A list: repeated options, a variable split on {@code separator}, a YAML list (or one string), else empty. */
    private static Setting<List<String>> list(List<String> option, String optionName, Map<String, String> env,
                                              String variable, String separator, Map<String, JsonNode> values,
                                              String key, String inFile) {
        if (option != null && !option.isEmpty()) {
            return new Setting<>(List.copyOf(option), Source.OPTION, optionName);
        }
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String part : fromEnv.split(Pattern.quote(separator), -1)) {
                parts.add(part.strip());
            }
            return new Setting<>(List.copyOf(parts), Source.ENVIRONMENT, "環境変数 " + variable);
        }
        JsonNode node = values.get(key);
        if (node != null) {
            String where = inFile + key;
            List<String> items = new ArrayList<>();
            if (node.isTextual() || node.isIntegralNumber()) {
                items.add(node.asText());
            } else if (node.isArray()) {
                for (JsonNode item : node) {
                    if (!(item.isTextual() || item.isIntegralNumber())) {
                        throw new SettingsException(where + ": リストの要素は文字列で書いてください（例: [A, B]）。");
                    }
                    items.add(item.asText());
                }
            } else {
                throw new SettingsException(where + ": リスト（例: [A, B]）で書いてください。");
            }
            return new Setting<>(List.copyOf(items), Source.FILE, where);
        }
        return Setting.ofDefault(List.of());
    }

    /** A 医療機関コード: 10 digits, the first two a 都道府県番号. */
    public static void checkInstitution(String value, String where) {
        if (!INSTITUTION.matcher(value).matches()) {
            throw new SettingsException(where + ": 医療機関コードは半角数字10桁です（都道府県番号 01〜47 の2桁 + 点数表番号1桁 + "
                    + "医療機関番号7桁）。設定ファイルでは \"1311111111\" のように引用符で囲んでください。");
        }
    }

    /** This desk's id, as recorded on every visit. */
    public static void checkTerminal(String value, String where) {
        if (!TERMINAL.matcher(value).matches()) {
            throw new SettingsException(where + ": 端末名は英数字・-・_ で32文字までにしてください。");
        }
    }

    /** A reader's name or a unique part of it. */
    public static void checkReader(String value, String where) {
        if (value.isBlank() || value.length() > 200 || hasControl(value)) {
            throw new SettingsException(where + ": カードリーダーの名前（mynadesk reader list に出る名前、またはその一部）を"
                    + "200文字以内で指定してください。");
        }
    }

    /** The staff ids allowed to confirm 目視. */
    public static void checkStaff(List<String> ids, String where) {
        for (String id : ids) {
            if (id.isBlank() || id.length() > 32 || id.contains(",") || hasControl(id) || !id.equals(id.strip())) {
                throw new SettingsException(where + ": 目視確認ができる職員のIDを、1つ32文字以内（カンマなし）で並べてください"
                        + "（例: [S001, S002]）。");
            }
        }
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(Character::isISOControl);
    }

    private static Setting<List<Path>> anchorPaths(Setting<List<String>> texts, Path base, Map<String, String> env) {
        List<Path> paths = new ArrayList<>();
        int n = 0;
        for (String text : texts.value()) {
            n++;
            Path p = path(text, texts, n, env);
            paths.add(texts.source() == Source.FILE && base != null && !p.isAbsolute() ? base.resolve(p) : p);
        }
        return new Setting<>(List.copyOf(paths), texts.source(), texts.where());
    }

    /** A path as written: {@code ~/} is the home folder; a file's relative paths are relative to its folder. */
    private static Path path(String text, Setting<?> s, int n, Map<String, String> env) {
        String what = n > 0 ? s.where() + " の " + n + " 番目" : s.where();
        if (text.isBlank() || hasControl(text)) {
            throw new SettingsException(what + ": ファイルやフォルダのパスを指定してください（空にはできません）。");
        }
        String home = env.get("HOME");
        String expanded = (text.equals("~") || text.startsWith("~/")) && home != null && !home.isBlank()
                ? home + text.substring(1) : text;
        try {
            return Path.of(expanded);
        } catch (InvalidPathException e) {
            throw new SettingsException(what + ": パスとして使えない文字が含まれています。");
        }
    }

    /**
     * The record: {@code --db}, else {@code --data}; {@code $MYNADESK_DB}, else {@code $MYNADESK_DATA}; the file's
     * {@code record}; else the platform's folder. Option and variable values are checked where they are used (the
     * store's own rules and messages); a file's value is checked here.
     */
    private static Setting<String> record(Given given, Map<String, String> env, Map<String, JsonNode> values,
                                          String inFile, Path base) {
        if (given.db() != null) {
            return new Setting<>(given.db(), Source.OPTION, "--db");
        }
        if (given.data() != null) {
            return new Setting<>(given.data(), Source.OPTION, "--data");
        }
        if (env.get(DB_ENV) != null) {
            return new Setting<>(env.get(DB_ENV), Source.ENVIRONMENT, "環境変数 " + DB_ENV);
        }
        if (env.get(DATA_ENV) != null) {
            return new Setting<>(env.get(DATA_ENV), Source.ENVIRONMENT, "環境変数 " + DATA_ENV);
        }
        Setting<String> s = text(null, "", Map.of(), "", values, "record", inFile, null);
        if (!s.isSet()) {
            return s;
        }
        String value = s.value().strip();
        if (value.startsWith("jdbc:")) {
            checkDatabaseUrl(value, s.where());
            return new Setting<>(value, s.source(), s.where());
        }
        Path p = path(value, s, 0, env);
        return new Setting<>((base != null && !p.isAbsolute() ? base.resolve(p) : p).toString(), s.source(), s.where());
    }

    /** A PostgreSQL URL without a password (the password never lives in the settings; docs/CLINIC.md). */
    public static void checkDatabaseUrl(String url, String where) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(JDBC_PREFIX) || url.length() == JDBC_PREFIX.length()) {
            throw new SettingsException(where + ": データフォルダのパス、または PostgreSQL の JDBC URL（例: " + JDBC_PREFIX
                    + "db.example:5432/mynadesk?user=desk）を指定してください。");
        }
        String authority = url.substring(JDBC_PREFIX.length()).split("[/?]", 2)[0];
        if (lower.contains("password=") || authority.contains("@")) {
            throw new SettingsException(where + ": URL にパスワードを書かないでください。パスワードは環境変数 MYNADESK_DB_PASSWORD"
                    + "（または PGPASSWORD）か、本人だけが読めるファイル（--db-password-file）で渡します。");
        }
    }

    /** Whether the record is a shared database rather than a data folder. */
    public boolean recordIsDatabase() {
        return record.isSet() && (record.value().strip().startsWith("jdbc:") || record.where().equals("--db")
                || record.where().equals("環境変数 " + DB_ENV));
    }
}
