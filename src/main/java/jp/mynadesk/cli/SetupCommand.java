package jp.mynadesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.reader.ReaderInfo;
import jp.mynadesk.settings.ServiceChoice;
import jp.mynadesk.settings.Setting;
import jp.mynadesk.settings.Settings;
import jp.mynadesk.settings.SettingsException;
import jp.mynadesk.settings.SettingsFile;
import jp.mynadesk.settings.SettingsWriter;
import jp.mynadesk.settings.Source;
import jp.mynadesk.settings.TrustAnchorFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mynadesk setup}: writes the desk's settings file (docs/CLINIC.md, "Settings"). Given no value on the command
 * line it asks for each in Japanese, the file's current value (or the default) offered; with values (scripts) it
 * asks nothing and keeps the file's other values. Each value is checked as it is taken: codes and names by the
 * settings' own rules, trust anchors must parse (else nothing is written, exit 2), the reader should be among the
 * PC/SC readers when pcscd answers and the service should answer (else a warning: the clinic may set up before the
 * reader or the network is there).
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "この受付端末の設定ファイルを作ります（値を指定しなければ1つずつ質問します）。次は mynadesk doctor、mynadesk desk")
final class SetupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--institution", paramLabel = "CODE", description = "医療機関コード（半角数字10桁）")
    String institution;

    @Option(names = "--terminal", paramLabel = "ID", description = "この受付端末の名前（英数字・-・_、32文字まで）")
    String terminal;

    @Option(names = "--reader", paramLabel = "NAME", description = "PC/SC のカードリーダー名（一部でも可。mynadesk reader list）")
    String reader;

    @Option(names = "--trust-anchor", paramLabel = "FILE",
            description = "J-LIS の利用者証明用CA証明書（PEM か DER）。繰り返し指定できます")
    List<String> trustAnchors;

    @Option(names = "--service", paramLabel = "none|mock|URL", description = "オンライン資格確認サービス: none、mock、または URL")
    String service;

    @Option(names = "--visual-staff", paramLabel = "ID", split = ",",
            description = "目視確認ができる職員のID（カンマ区切り）")
    List<String> visualStaff;

    /** The PC/SC readers' names; throws when pcscd does not answer. */
    @FunctionalInterface
    interface Readers {
        List<String> names() throws ReaderException;
    }

    private final InputStream stdin;
    private final Map<String, String> env;
    private final Readers readers;
    private PrintWriter out;
    private BufferedReader in;

    SetupCommand() {
        this(System.in, System.getenv(), () -> CardReaders.pcsc().list().stream().map(ReaderInfo::name).toList());
    }

    SetupCommand(InputStream stdin, Map<String, String> env, Readers readers) {
        this.stdin = stdin;
        this.env = env;
        this.readers = readers;
    }

    /** Thrown when the answers end before every question was answered: nothing is written. */
    private static final class InputEnded extends RuntimeException {
        InputEnded() {
            super(null, null, false, false);
        }
    }

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        SettingsFile.Location location;
        try {
            location = SettingsFile.locate(data.config, env);
        } catch (SettingsException e) {
            throw CliException.badInput(e.getMessage());
        }
        if (location == null) {
            throw CliException.badInput("設定ファイルの場所が決まりません（HOME がありません）。--config FILE で指定してください。");
        }
        Settings current = current(location);
        boolean ask = institution == null && terminal == null && reader == null && trustAnchors == null && service == null
                && data.data == null && data.db == null && visualStaff == null;
        in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            if (ask) {
                out.println("mynadesk の設定を " + location.path().toAbsolutePath() + " に書きます。");
                out.println("［ ］の中は今の値です。そのままでよければ Enter を押してください。");
            }
            values.put("institution", text("institution", "医療機関コード（半角数字10桁）", institution, current.institution(),
                    v -> Settings.checkInstitution(v, "institution")));
            values.put("terminal", text("terminal", "この受付端末の名前（英数字・-・_）", terminal, current.terminal(),
                    v -> Settings.checkTerminal(v, "terminal")));
            values.put("reader", reader(current.reader()));
            values.put("trustAnchors", anchors(current.trustAnchors()));
            values.put("service", service(current.service()));
            values.put("record", record(current.record()));
            values.put("visualStaff", staff(current.visualStaff()));
        } catch (InputEnded e) {
            throw CliException.badInput("入力が途中で終わりました。設定ファイルは書き込んでいません。");
        }
        if (values.get("institution") == null) {
            out.println("注意: 医療機関コードが既定の " + Settings.DEFAULT_INSTITUTION + "（模擬サービスの医療機関）のままです。"
                    + "実際に使うときは自院の医療機関コードを設定してください。");
        }
        try {
            SettingsWriter.write(location.path(), SettingsWriter.yaml(values));
        } catch (IOException e) {
            throw CliException.unavailable("設定ファイル " + location.path().toAbsolutePath() + " を書き込めません（"
                    + e.getClass().getSimpleName() + "）。フォルダの権限を確かめるか、--config で別の場所を指定してください。");
        }
        out.println("設定を書き込みました: " + location.path().toAbsolutePath());
        out.println("次に mynadesk doctor で確かめ、mynadesk desk で受付を始めてください。");
        out.flush();
        return ExitCode.OK.status;
    }

    /** What the file says now (only the file: the environment is not written into it); defaults when it is unusable. */
    private Settings current(SettingsFile.Location location) {
        Map<String, String> fileOnly = new LinkedHashMap<>();
        for (String name : List.of("HOME", "XDG_CONFIG_HOME")) {
            if (env.get(name) != null) {
                fileOnly.put(name, env.get(name));
            }
        }
        Settings.Given given = Settings.Given.record(location.path().toString(), null, null);
        try {
            return Settings.resolve(given, fileOnly);
        } catch (SettingsException e) {
            out.println("注意: 今の設定ファイルは使えないため、既定の値から始めます（" + e.getMessage() + "）");
            try {
                return Settings.resolve(Settings.Given.record(null, null, null), Map.of());
            } catch (SettingsException again) {
                throw CliException.badInput(again.getMessage());
            }
        }
    }

    @FunctionalInterface
    private interface Check {
        void check(String value);
    }

    /** One text value: the option, else the answer (re-asked until it is allowed), else the current one. */
    private String text(String key, String question, String option, Setting<String> now, Check check) throws IOException {
        if (option != null) {
            checked(key, option, check);
            return option;
        }
        if (!interactive()) {
            return now.source() == Source.FILE ? now.value() : null;
        }
        while (true) {
            String answer = prompt(question, now.value());
            if (answer.isEmpty()) {
                return now.source() == Source.FILE ? now.value() : null;
            }
            try {
                check.check(answer);
                return answer;
            } catch (SettingsException e) {
                out.println(e.getMessage());
            }
        }
    }

    private boolean interactive() {
        return institution == null && terminal == null && reader == null && trustAnchors == null && service == null
                && data.data == null && data.db == null && visualStaff == null;
    }

    private static void checked(String key, String value, Check check) {
        try {
            check.check(value);
        } catch (SettingsException e) {
            throw CliException.badInput(e.getMessage().replaceFirst("^" + key + ":", "--" + optionName(key) + ":"));
        }
    }

    private static String optionName(String key) {
        return switch (key) {
            case "trustAnchors" -> "trust-anchor";
            case "visualStaff" -> "visual-staff";
            default -> key;
        };
    }

    private String prompt(String question, String now) throws IOException {
        out.print(question + (now == null || now.isEmpty() ? "" : " [" + now + "]") + ": ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
            out.println();
            throw new InputEnded();
        }
        return line.strip();
    }

    // --- the reader -----------------------------------------------------------------------------------

    private String reader(Setting<String> now) throws IOException {
        List<String> names = null;
        try {
            names = readers.names();
        } catch (ReaderException | RuntimeException e) {
            out.println("注意: PC/SC（pcscd）が応答しないため、カードリーダーは確かめませんでした。mynadesk doctor で確かめてください。");
        }
        if (interactive() && names != null) {
            out.println("見つかったカードリーダー: " + (names.isEmpty() ? "なし" : String.join("、", names)));
        }
        String chosen;
        if (reader != null) {
            checked("reader", reader, v -> Settings.checkReader(v, "reader"));
            chosen = reader;
        } else if (!interactive()) {
            chosen = now.source() == Source.FILE ? now.value() : null;
        } else {
            String answer;
            while (true) {
                answer = prompt("カードリーダーの名前（一部でも可。- で指定なし: 最初に見つかった1台）", now.value());
                try {
                    if (!answer.isEmpty() && !answer.equals("-")) {
                        Settings.checkReader(answer, "reader");
                    }
                    break;
                } catch (SettingsException e) {
                    out.println(e.getMessage());
                }
            }
            chosen = answer.isEmpty() ? (now.source() == Source.FILE ? now.value() : null) : answer.equals("-") ? null : answer;
        }
        if (names != null) {
            String wanted = chosen;
            long matching = wanted == null ? names.size() : names.stream().filter(n -> n.equals(wanted)
                    || n.toLowerCase().contains(wanted.toLowerCase())).count();
            boolean exact = wanted != null && names.contains(wanted);
            if (names.isEmpty()) {
                out.println("警告: カードリーダーが見つかりません。USB ケーブルを確かめ、mynadesk doctor で確かめてください。");
            } else if (!exact && matching == 0) {
                out.println("警告: 指定の名前に合うカードリーダーが見つかりません（見つかったもの: " + String.join("、", names)
                        + "）。つないでから mynadesk doctor で確かめてください。");
            } else if (!exact && wanted != null && matching > 1) {
                out.println("警告: 指定の名前に合うカードリーダーが複数あります。名前をもう少し詳しく指定してください。");
            } else {
                out.println("カードリーダー: 確認できました。");
            }
        }
        return chosen;
    }

    // --- the trust anchors ----------------------------------------------------------------------------

    private List<String> anchors(Setting<List<Path>> now) throws IOException {
        List<String> files;
        if (trustAnchors != null) {
            files = trustAnchors;
        } else if (!interactive()) {
            files = now.source() == Source.FILE ? now.value().stream().map(Path::toString).toList() : List.of();
        } else {
            out.println("J-LIS の利用者証明用CA証明書（カードの電子証明書の発行元。PEM か DER。入手先は README.md「はじめに」）");
            while (true) {
                List<String> current = now.value().stream().map(Path::toString).toList();
                String first = prompt("証明書ファイルのパス（複数なら1行に1つ、最後に空行。- でなし）", String.join(", ", current));
                if (first.isEmpty()) {
                    files = current;
                } else if (first.equals("-")) {
                    files = List.of();
                } else {
                    files = new ArrayList<>(List.of(first));
                    String next;
                    while (!(next = prompt("次の証明書ファイル（なければ空行）", null)).isEmpty()) {
                        files.add(next);
                    }
                }
                try {
                    describe(files, "trustAnchors");
                    break;
                } catch (SettingsException e) {
                    out.println(e.getMessage());
                }
            }
            return absolute(files);
        }
        try {
            describe(files, trustAnchors != null ? "--trust-anchor" : "trustAnchors");
        } catch (SettingsException e) {
            throw CliException.badInput(e.getMessage() + " 設定ファイルは書き込んでいません。");
        }
        return absolute(files);
    }

    private static List<String> absolute(List<String> files) {
        return files.stream().map(f -> Path.of(f).toAbsolutePath().normalize().toString()).toList();
    }

    /** Reads each file and says what it holds: subject, validity, SHA-256 fingerprint, root or intermediate. */
    private void describe(List<String> files, String where) {
        List<X509Certificate> all = new ArrayList<>();
        List<List<X509Certificate>> perFile = new ArrayList<>();
        int n = 0;
        for (String f : files) {
            n++;
            Path path;
            try {
                path = Path.of(f);
            } catch (java.nio.file.InvalidPathException e) {
                throw new SettingsException(where + " の " + n + " 番目のファイル: パスとして使えない文字が含まれています。");
            }
            List<X509Certificate> certs = TrustAnchorFiles.read(path, where + " の " + n + " 番目のファイル");
            perFile.add(certs);
            all.addAll(certs);
        }
        if (all.isEmpty()) {
            out.println("警告: 証明書がありません。カードリーダーでのカードの確認は始まりません（練習モードの仮想カードだけ使えます）。");
            return;
        }
        TrustAnchors anchors = TrustAnchors.of(all.toArray(X509Certificate[]::new));
        Instant now = Instant.now();
        for (int i = 0; i < perFile.size(); i++) {
            out.println("証明書ファイル " + (i + 1) + ": " + Path.of(files.get(i)).toAbsolutePath().normalize());
            for (X509Certificate c : perFile.get(i)) {
                boolean root = TrustAnchors.selfSigned(c);
                out.println("  " + c.getSubjectX500Principal().getName() + "（" + (root ? "ルート" : "中間") + "）");
                out.println("    有効期間: " + day(c.getNotBefore()) + " 〜 " + day(c.getNotAfter())
                        + "　SHA-256: " + fingerprint(c));
                if (c.getNotAfter().toInstant().isBefore(now)) {
                    out.println("    警告: この証明書は有効期限が過ぎています。新しい世代の証明書を J-LIS から入手してください。");
                } else if (c.getNotBefore().toInstant().isAfter(now)) {
                    out.println("    警告: この証明書はまだ有効期間が始まっていません。");
                }
                if (!root && !anchors.chainsToRoot(c)) {
                    out.println("    警告: この中間CA証明書の発行元（ルート）が設定にありません。ルートの証明書も指定してください。");
                }
            }
        }
        out.println("フィンガープリント（SHA-256）が J-LIS の公開しているものと一致することを確かめてください。");
    }

    private static String day(Date d) {
        return d.toInstant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate().toString();
    }

    static String fingerprint(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the service, the record, 目視 staff -------------------------------------------------------------

    private String service(Setting<ServiceChoice> now) throws IOException {
        String nowText = now.value() == null ? null : now.value().text();
        ServiceChoice chosen;
        if (service != null) {
            try {
                chosen = ServiceChoice.parse(service, "--service");
            } catch (SettingsException e) {
                throw CliException.badInput(e.getMessage());
            }
        } else if (!interactive()) {
            chosen = now.source() == Source.FILE ? now.value() : null;
        } else {
            while (true) {
                String answer = prompt("オンライン資格確認サービス（none: なし / mock: 練習用の模擬サービス / URL）",
                        nowText == null ? "none" : nowText);
                try {
                    chosen = answer.isEmpty() ? (now.source() == Source.FILE ? now.value() : ServiceChoice.NONE)
                            : ServiceChoice.parse(answer, "service");
                    break;
                } catch (SettingsException e) {
                    out.println(e.getMessage());
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        switch (chosen.kind()) {
            case NONE -> out.println("サービス: なし。カードは手元で確かめ、資格は書類で確認します（再照会はできません）。");
            case MOCK -> out.println("注意: mock は練習用の模擬サービスです。画面には「練習モード（模擬サービス）」と出ます。"
                    + "実際の患者さんの資格確認には使えません。");
            case URL -> answers(chosen);
        }
        return chosen.text();
    }

    /** Whether the service at the URL answers its health check; a warning when not. */
    private void answers(ServiceChoice chosen) {
        try (OqsClient client = OqsClient.builder(chosen.url()).callTimeout(Duration.ofSeconds(3)).build()) {
            OqsResult<String> health = client.health();
            if (health instanceof OqsResult.Ok) {
                out.println("サービス: 応答がありました。");
            } else {
                out.println("警告: サービスから応答がありません。ネットワークと URL を確かめ、mynadesk doctor で確かめてください。");
            }
        } catch (RuntimeException e) {
            out.println("警告: サービスに接続できません。ネットワークと URL を確かめ、mynadesk doctor で確かめてください。");
        }
    }

    private String record(Setting<String> now) throws IOException {
        String option = data.db != null ? data.db : data.data;
        if (option != null) {
            checked("record", option, v -> recordCheck(v, data.db != null ? "--db" : "--data"));
            return option.startsWith("jdbc:") ? option : Path.of(option).toAbsolutePath().normalize().toString();
        }
        String kept = now.source() == Source.FILE ? now.value() : null;
        if (!interactive()) {
            return kept;
        }
        while (true) {
            String answer = prompt("記録の場所（データフォルダ、または jdbc:postgresql://…。- で既定のフォルダ）", kept);
            if (answer.isEmpty()) {
                return kept;
            }
            if (answer.equals("-")) {
                return null;
            }
            try {
                recordCheck(answer, "record");
                return answer.startsWith("jdbc:") ? answer : Path.of(answer).toAbsolutePath().normalize().toString();
            } catch (SettingsException e) {
                out.println(e.getMessage());
            }
        }
    }

    private static void recordCheck(String value, String where) {
        if (value.strip().startsWith("jdbc:")) {
            Settings.checkDatabaseUrl(value.strip(), where);
        } else if (value.isBlank()) {
            throw new SettingsException(where + ": データフォルダのパス、または PostgreSQL の JDBC URL を指定してください。");
        }
    }

    private List<String> staff(Setting<List<String>> now) throws IOException {
        List<String> kept = now.source() == Source.FILE ? now.value() : List.of();
        if (visualStaff != null) {
            List<String> ids = visualStaff.stream().map(String::strip).toList();
            try {
                Settings.checkStaff(ids, "--visual-staff");
            } catch (SettingsException e) {
                throw CliException.badInput(e.getMessage());
            }
            return ids;
        }
        if (!interactive()) {
            return kept;
        }
        while (true) {
            String answer = prompt("目視確認ができる職員のID（カンマ区切り。- でだれでも）", String.join(",", kept));
            if (answer.isEmpty()) {
                return kept;
            }
            if (answer.equals("-")) {
                return List.of();
            }
            List<String> ids = List.of(answer.split(",", -1)).stream().map(String::strip).toList();
            try {
                Settings.checkStaff(ids, "visualStaff");
                return ids;
            } catch (SettingsException e) {
                out.println(e.getMessage());
            }
        }
    }
}
