package jp.mynadesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.VisitJson;
import jp.mynadesk.screen.VisitText;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.text.SafeText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk visits}: the recorded visits, as a table, JSON (one array) or CSV. */
@Command(name = "visits", mixinStandardHelpOptions = true, description = "記録された受付の一覧を表示します")
final class VisitsCommand implements Callable<Integer> {
    static final String CSV_HEADER = "visitId,asOf,terminal,route,outcome,reason,insurerNumber,symbol,number,branch,name,ratio,limitClass,recheckState,simulated";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "この日以降の受付だけ")
    LocalDate since;

    static final class Format {
        @Option(names = "--json", description = "JSON の配列で出力します") boolean json;
        @Option(names = "--csv", description = "CSV で出力します（表計算ソフト向け）") boolean csv;
    }

    @ArgGroup(exclusive = true)
    Format format;

    /** Which kind of visit to list (docs/CLINIC.md): made in simulation, or at a clinic's reader. */
    static final class Mode {
        @Option(names = "--simulated", description = "練習モード（仮想カード・模擬サービス）の受付だけ") boolean simulated;
        @Option(names = "--clinic", description = "本番（カードリーダーと実際のサービス、またはサービスなし）の受付だけ") boolean clinic;

        Boolean filter() {
            return simulated ? Boolean.TRUE : clinic ? Boolean.FALSE : null;
        }
    }

    @ArgGroup(exclusive = true)
    Mode mode;

    private final Map<String, String> env;

    VisitsCommand() {
        this(System.getenv());
    }

    VisitsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Boolean simulated = mode == null ? null : mode.filter();
        try (VisitStore store = data.openExisting(env)) {
            if (format != null && format.json) {
                json(out, store, since, simulated);
                out.flush();
                return ExitCode.OK.status;
            }
            List<Visit> visits = store.visits(since, simulated);
            if (format != null && format.csv) {
                out.println(CSV_HEADER);
                for (Visit v : visits) {
                    out.println(csv(v));
                }
            } else {
                java.util.Map<String, RecheckFinding> findings = store.latestFindings();
                for (Visit v : visits) {
                    // words only: no reason codes, no English (the codes are in --json and --csv)
                    out.println(VisitText.row(v) + StaffText.practiceMark(v.simulated()));
                    RecheckFinding f = findings.get(v.visitId());
                    if (f != null && v.recheckState() == jp.mynadesk.desk.RecheckState.DISCREPANCY) {
                        out.println(StaffText.findingUnderRow(f, v));
                    }
                }
                out.println(StaffText.total(visits.size()));
            }
        } catch (StoreException e) {
            throw DataOptions.failure(e);
        }
        out.flush();
        return ExitCode.OK.status;
    }

    /** The stored JSON of each visit, streamed: 100,000 visits are never one tree, nor 100,000 objects. */
    private static void json(PrintWriter out, VisitStore store, LocalDate since, Boolean simulated) {
        out.print('[');
        boolean[] first = {true};
        java.util.Map<String, RecheckFinding> findings = store.latestFindings();
        store.forEachVisitJson(since, simulated, body -> {
            if (!first[0]) {
                out.print(",\n");
            }
            first[0] = false;
            out.print(withFinding(body, findings));
        });
        out.println(']');
    }

    private static final java.util.regex.Pattern VISIT_ID = java.util.regex.Pattern.compile("\"visitId\":\"([0-9-]+)\"");

    /**
     * The stored visit with its latest re-check finding ({@code recheckFinding}: kind, message, the qualification found);
     * only a visit that has one is parsed, the rest stream as stored.
     */
    static String withFinding(String body, java.util.Map<String, RecheckFinding> findings) {
        if (findings.isEmpty()) {
            return body;
        }
        java.util.regex.Matcher m = VISIT_ID.matcher(body);
        RecheckFinding f = m.find() ? findings.get(m.group(1)) : null;
        if (f == null) {
            return body;
        }
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) VisitJson.parse(body);
        o.set("recheckFinding", VisitJson.finding(f));
        return VisitJson.text(o);
    }

    /** RFC 4180 (Commons CSV), rows ending in LF as the rest of the output does. */
    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).get();

    static String csv(Visit v) {
        Qualification q = v.qualification();
        return CSV.format(cell(v.visitId()), cell(v.asOf().toString()), cell(v.terminal()), cell(v.route().code()),
                cell(v.outcome().code()), cell(v.reason() == null ? null : v.reason().code().code()),
                cell(q == null ? null : q.insurerNumber()), cell(q == null ? null : q.symbol()), cell(q == null ? null : q.number()),
                cell(q == null ? null : q.branch()), cell(q == null ? null : q.name()),
                cell(q == null || q.ratio() == null ? null : q.ratio().toString()), cell(q == null ? null : q.limitClass()),
                cell(v.recheckState().code()), cell(String.valueOf(v.simulated())));
    }

    /**
     * One cell, guarded against formulas: a value starting with =, +, -, @, TAB, CR or LF gets a leading apostrophe
     * (OWASP "CSV injection"), so a spreadsheet never runs it as a formula. Quoting (a name with line breaks from a QR
     * code stays one cell of one row) is Commons CSV's, which quotes every cell holding a comma, quote, CR or LF.
     */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        boolean formula = !s.isEmpty() && "=+-@\t\r\n".indexOf(s.charAt(0)) >= 0;
        return formula ? "'" + s : s;
    }
}
