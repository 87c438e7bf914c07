package jp.mynadesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckScript;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitJson;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.screen.VisitText;
import jp.mynadesk.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mynadesk check}: one reception check without a person at the screen, for QA and scripts. The answers
 * (PIN from standard input, consent, documents) are given up front; the check is recorded like any other.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "受付の資格確認を1件行い、記録します（--json で結果を JSON 1件で出力）")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeskOptions desk = new DeskOptions();

    @Option(names = "--mode", paramLabel = "pin|visual", description = "本人確認の方法: pin（暗証番号、既定）か visual（目視）")
    String mode = "pin";

    @Option(names = "--staff", paramLabel = "ID", description = "目視確認をした職員（visual のとき必須）")
    String staff;

    @Option(names = "--pin-stdin", description = "暗証番号を標準入力の1行から読みます（--virtual では省略するとプロファイルの暗証番号）")
    boolean pinStdin;

    @Option(names = "--document", paramLabel = "FILE|-",
            description = "書類（docs check の書類 JSON、documents 配列を含む JSON、または QR コードの写った PNG/JPEG）")
    String document;

    @Option(names = "--limit-consent", description = "限度額情報の提供に口頭で同意を得た（記号・番号での照会）")
    boolean limitConsent;

    @Option(names = "--consent", paramLabel = "all|none|LIST",
            description = "情報提供の同意: all、none、または diagnosis,drug,checkup,surgery のうち同意するもの（省略: 回答なし）")
    String consent;

    @Mixin
    TraceOption trace = new TraceOption();

    @Option(names = "--json", description = "結果を JSON で出力します")
    boolean json;

    private final Clock wall;
    private final InputStream stdin;
    private final Map<String, String> env;

    CheckCommand() {
        this(Clock.systemUTC(), System.in, System.getenv());
    }

    CheckCommand(Clock wall, InputStream stdin, Map<String, String> env) {
        this.wall = wall;
        this.stdin = stdin;
        this.env = env;
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    public int run(PrintWriter out, PrintWriter err) {
        CheckMode checkMode = mode();
        Map<SharingCategory, Boolean> answers = consent(consent);
        if (pinStdin && "-".equals(document)) {
            throw CliException.badInput("--pin-stdin と --document - は同時に使えません（標準入力は1つです）。");
        }
        // A card: --virtual or --reader; on a configured desk (docs/CLINIC.md) its reader, unless only documents are given.
        Station.Setup setup = desk.setup(wall, env, null, err::println, desk.reader != null || document == null);
        boolean card = setup.virtualCard() != null || setup.pcsc();
        if (!card && document == null) {
            throw CliException.badInput("カード（--virtual か --reader）か書類（--document）を指定してください。");
        }
        if (checkMode == CheckMode.VISUAL && (staff == null || staff.isBlank())) {
            throw CliException.badInput("--staff: 目視確認（--mode visual）では確認した職員を指定してください。");
        }
        if (checkMode == CheckMode.VISUAL && card && !setup.visualStaff().isEmpty()
                && !setup.visualStaff().contains(staff.strip())) {
            throw CliException.badInput("--staff: 目視確認ができる職員（設定 visualStaff）のIDを指定してください。");
        }
        ApduTrace apdus = trace.start(desk.virtualProfileName());
        List<PresentedDocument> documents = document == null ? List.of() : DocumentInput.read("--document", document, stdin);
        char[] pin = pinStdin ? readPin() : null;
        try (Station station = DeskOptions.open(withTrace(setup, apdus))) {
            if (pin == null && card && checkMode == CheckMode.PIN && station.setup().virtualCard() != null) {
                pin = station.setup().virtualCard().authPin().toCharArray();
            }
            CheckScript script = new CheckScript(card ? checkMode : null, staff, pin, answers, documents, limitConsent, null, null);
            Visit visit;
            try {
                visit = script.run(new ReceptionCheck(station.context()));
            } catch (StoreException e) {
                visit = recordedAfterAll(station.store(), e, err);
            }
            if (json) {
                out.println(JsonText.pretty(VisitJson.contract(visit)));
            } else {
                VisitText.print(out, visit);
                if (visit.reason() != null && visit.reason().code() == jp.mynadesk.desk.ReasonCode.SERVICE_OFFLINE) {
                    // an outage and a --service pointing at nothing look alike: say where the desk tried
                    String where = jp.mynadesk.desk.StaffText.serviceFailure(station.client().lastFailure(),
                            station.client().base().toString());
                    if (!where.isEmpty()) {
                        out.println(jp.mynadesk.desk.StaffText.connectionDetail(where));
                    }
                }
            }
        } catch (StoreException e) {
            throw DataOptions.failure(e);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
            trace.write(apdus);
        }
        return ExitCode.OK.status;
    }

    private static Station.Setup withTrace(Station.Setup s, ApduTrace apdus) {
        return new Station.Setup(s.virtualCard(), s.pcscReader(), s.usePcsc(), s.service(), s.serviceConfig(), s.data(),
                s.busyTimeout(), s.clock(), s.institution(), s.terminal(), apdus, s.announce(), s.readerProfile(), s.shared(),
                s.noService(), s.anchors(), s.visualStaff());
    }

    /**
     * The check was decided but recording it failed. Before saying "not on record" (and so inviting a second check
     * that would record the patient twice), look: a COMMIT whose reply was lost may have landed (issue 22 item 9).
     * On record: the visit, exit 0, and a note. Not on record: the failure, saying so. Cannot look: the failure,
     * saying it is unknown and how to find out.
     */
    private static Visit recordedAfterAll(jp.mynadesk.desk.VisitStore store, StoreException failure, PrintWriter err) {
        java.util.Optional<Visit> landed;
        try {
            landed = store.recordedAfterAll();
        } catch (StoreException cannotLook) {
            throw new CliException(DataOptions.failure(failure).exitCode(), failure.getMessage()
                    + "\n" + jp.mynadesk.desk.StaffText.recordUnknown());
        }
        if (landed.isPresent()) {
            err.println(jp.mynadesk.desk.StaffText.recordedAfterAll(landed.get().visitId()));
            return landed.get();
        }
        throw new CliException(DataOptions.failure(failure).exitCode(), failure.getMessage()
                + "\n" + jp.mynadesk.desk.StaffText.notRecorded());
    }

    private CheckMode mode() {
        return switch (mode) {
            case "pin" -> CheckMode.PIN;
            case "visual" -> CheckMode.VISUAL;
            default -> throw CliException.badInput("--mode: pin か visual を指定してください。");
        };
    }

    /** {@code all}, {@code none} or a comma-separated list of categories the patient says yes to; null = not asked. */
    static Map<SharingCategory, Boolean> consent(String text) {
        if (text == null) {
            return null;
        }
        Map<SharingCategory, Boolean> answers = new EnumMap<>(SharingCategory.class);
        boolean all = text.equals("all");
        for (SharingCategory c : SharingCategory.values()) {
            answers.put(c, all);
        }
        if (all || text.equals("none")) {
            return answers;
        }
        for (String part : text.split(",", -1)) {
            SharingCategory c = SharingCategory.fromCode(part.strip()).orElseThrow(() -> CliException.badInput(
                    "--consent: all、none、または diagnosis,drug,checkup,surgery をカンマ区切りで指定してください。"));
            answers.put(c, true);
        }
        return answers;
    }

    /** One line from standard input as characters, never as a String (a String cannot be wiped). */
    private char[] readPin() {
        char[] buf = new char[16];
        int n = 0;
        try {
            var reader = new java.io.InputStreamReader(stdin, StandardCharsets.UTF_8);
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (c == '\r') {
                    continue;
                }
                if (n == buf.length) {
                    Arrays.fill(buf, '\0');
                    throw CliException.badInput("--pin-stdin: 暗証番号は数字4桁です。");
                }
                buf[n++] = (char) c;
            }
            return Arrays.copyOf(buf, n);
        } catch (IOException e) {
            throw CliException.badInput("--pin-stdin: 標準入力を読めません。");
        } finally {
            Arrays.fill(buf, '\0');
        }
    }
}
