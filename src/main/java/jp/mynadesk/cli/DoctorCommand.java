package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mynadesk.doctor.Doctor;
import jp.mynadesk.doctor.DoctorReport;
import jp.mynadesk.doctor.Finding;
import jp.mynadesk.doctor.SettingsCheck;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.settings.Settings;
import jp.mynadesk.settings.SettingsException;
import jp.mynadesk.settings.SettingsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mynadesk doctor} (診断): one line per check, 正常 / 警告 / 異常 with the next step (docs/CLINIC.md, "doctor").
 * Exit 0 when all is 正常, 1 with a 警告, 3 with an 異常, 2 for bad usage. It reads the card only with a SELECT and
 * never asks for or prints a PIN.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"受付端末を診断します（診断）: 設定ファイル、pcscd、カードリーダーとカード、CA 証明書、オンライン資格確認サービス、"
                + "記録、時計、空き容量。項目ごとに 正常・警告・異常 と次にすることを表示します。",
                "終了コード: 0 すべて正常、1 警告あり、3 異常あり、2 使い方の誤り。"})
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--reader", paramLabel = "NAME", description = "診断するカードリーダーの名前（一部でも可。既定: 設定の reader）")
    String reader;

    @Option(names = "--trust-anchor", paramLabel = "FILE",
            description = "信頼する CA 証明書のファイル（PEM か DER。繰り返し指定可。既定: 設定の trustAnchors）")
    List<String> trustAnchors;

    @Option(names = "--service", paramLabel = "none|mock|URL", description = "オンライン資格確認サービス（既定: 設定の service、なければ none）")
    String service;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--json", description = "結果を JSON で出力します")
    boolean json;

    private final Map<String, String> env;
    private final Doctor.Surroundings surroundings;

    DoctorCommand() {
        this(System.getenv(), Doctor.Surroundings.system());
    }

    DoctorCommand(Map<String, String> env, Doctor.Surroundings surroundings) {
        this.env = env;
        this.surroundings = surroundings;
    }

    @Override
    public Integer call() {
        Settings.Given given = new Settings.Given(data.config, null, null, reader, trustAnchors, service, data.data, data.db,
                null);
        Settings fromOptions = optionsAlone(given);
        Doctor.Inputs inputs;
        try {
            Settings settings = Settings.resolve(given, env);
            inputs = inputs(SettingsCheck.of(settings), settings);
        } catch (SettingsException e) {
            SettingsFile.Location where = location();
            inputs = inputs(SettingsCheck.failed(where, e.getMessage()), fromOptions);
        }
        if (Files.isDirectory(inputs.data().path())) {
            RunLog.open(inputs.data()); // the diagnosis goes into the log; doctor makes no folder
        }
        DoctorReport report = Doctor.run(Doctor.checks(inputs, surroundings));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonText.pretty(json(report)));
        } else {
            print(out, report);
        }
        out.flush();
        return exitCode(report.status()).status;
    }

    /**
     * doctor's exit status for its worst finding (docs/CLINIC.md, "doctor"): 0 all 正常, 1 a 警告, 3 an 異常 (the
     * environment is unavailable). 1 is doctor's answer "look at this", not a crash, as {@code trace replay}'s
     * "differs".
     */
    static ExitCode exitCode(jp.mynadesk.doctor.Status worst) {
        return switch (worst) {
            case OK -> ExitCode.OK;
            case WARNING -> ExitCode.UNEXPECTED;
            case PROBLEM -> ExitCode.UNAVAILABLE;
        };
    }

    /**
     * The options checked on their own (no environment, no file): a bad option value is bad usage (exit 2), while a
     * bad settings file or variable is what doctor reports.
     */
    private static Settings optionsAlone(Settings.Given given) {
        Settings.Given withoutFile = new Settings.Given(null, given.institution(), given.terminal(), given.reader(),
                given.trustAnchors(), given.service(), given.data(), given.db(), given.visualStaff());
        try {
            if (given.config() != null) {
                SettingsFile.locate(given.config(), Map.of());
            }
            return Settings.resolve(withoutFile, Map.of());
        } catch (SettingsException e) {
            throw CliException.badInput(e.getMessage());
        }
    }

    private SettingsFile.Location location() {
        try {
            return SettingsFile.locate(data.config, env);
        } catch (SettingsException e) {
            return null;
        }
    }

    /** The record as the desk commands find it (DataOptions), from these settings. */
    private Doctor.Inputs inputs(SettingsCheck settingsCheck, Settings settings) {
        return new Doctor.Inputs(settingsCheck, settings.reader().value(), settings.trustAnchors().value(),
                settings.service().value(), data.directory(settings, env), data.database(settings, env));
    }

    static ObjectNode json(DoctorReport report) {
        ObjectNode root = JsonText.object();
        ArrayNode checks = root.putArray("checks");
        for (Finding f : report.findings()) {
            checks.addObject().put("name", f.name()).put("status", f.status().code()).put("message", f.message())
                    .put("next", f.next());
        }
        root.put("status", report.status().code());
        return root;
    }

    static void print(PrintWriter out, DoctorReport report) {
        for (Finding f : report.findings()) {
            out.println(f.status().label() + "  " + pad(f.name()) + f.message() + (f.next().isEmpty() ? "" : " → " + f.next()));
        }
        out.println("診断の結果: " + report.status().label() + "（正常 " + report.count(jp.mynadesk.doctor.Status.OK) + "・警告 "
                + report.count(jp.mynadesk.doctor.Status.WARNING) + "・異常 " + report.count(jp.mynadesk.doctor.Status.PROBLEM) + "）");
    }

    private static String pad(String name) {
        return name + " ".repeat(Math.max(1, 14 - name.length()));
    }
}
