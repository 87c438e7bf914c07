package jp.mynadesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.mynadesk.ceiling.CeilingClass;
import jp.mynadesk.ceiling.CeilingException;
import jp.mynadesk.ceiling.CeilingService;
import jp.mynadesk.ceiling.CeilingTable;
import jp.mynadesk.ceiling.Scope;
import jp.mynadesk.format.Dates;
import jp.mynadesk.format.JsonText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk ceiling}: the 高額療養費 monthly ceiling from the versioned tables (docs/RULES.md §7). */
@Command(name = "ceiling", description = "高額療養費の自己負担限度額を計算します")
final class CeilingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--class", paramLabel = "CODE", description = "限度額適用区分（A01〜A06, B01〜B10）")
    String classCode;

    @Option(names = "--total", paramLabel = "YEN", description = "その月の総医療費（10割、円）")
    Long total;

    @Option(names = {"--as-of", "--date"}, paramLabel = "DATE", description = "診療月の日付: YYYY-MM-DD または 和暦（既定: 今日、日本時間）。--date も同じ意味です")
    LocalDate date;

    @Option(names = "--many", description = "多数回該当（直近12か月で4回目以降）")
    boolean many;

    @Option(names = "--scope", paramLabel = "household|outpatient", description = "household（世帯）か outpatient（70歳以上の外来・個人ごと）")
    String scope = "household";

    @Option(names = "--specified-disease", description = "特定疾病療養受療証あり（月 10,000 円）")
    boolean specifiedDisease;

    @Option(names = "--dialysis", description = "人工透析（特定疾病。70歳未満で区分ア・イは 20,000 円）")
    boolean dialysis;

    @Option(names = "--birth-date", paramLabel = "DATE", description = "生年月日: YYYY-MM-DD または 和暦（75歳到達月の半額と、--ratio からの区分推定に使います）")
    LocalDate birthDate;

    @Option(names = "--ratio", paramLabel = "010|020|030", description = "区分が分からないとき: 負担割合から区分を推定します（--birth-date が必要）")
    String ratio;

    @Option(names = "--json", description = "JSON で出力します")
    boolean json;

    /** Nobody older is alive; also keeps the 75th-birthday arithmetic inside LocalDate's range. */
    private static final LocalDate EARLIEST_BIRTH = Dates.EARLIEST; // docs/RULES.md §8

    /** 10^10 yen: far above any month's medical cost; a larger figure is a typo (an extra digit or two). */
    static final long MAX_TOTAL_YEN = 10_000_000_000L;

    private final Clock clock;

    CeilingCommand() {
        this(Clock.system(jp.mynadesk.format.Dates.JST));
    }

    CeilingCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    public int run(PrintWriter out, PrintWriter err) throws JsonProcessingException {
        LocalDate on = date != null ? date : LocalDate.now(clock);
        CeilingService service = CeilingService.builtIn();
        CeilingTable table = service.table(on).orElseThrow(() -> CliException.badInput("--as-of " + on
                + ": この日付の限度額の表がありません。表があるのは " + service.periods() + " です。--as-of を表の期間内にしてください。"));
        if (birthDate != null && (birthDate.isBefore(EARLIEST_BIRTH) || birthDate.isAfter(on))) {
            throw CliException.badInput("--birth-date " + birthDate + ": 生年月日は " + EARLIEST_BIRTH + " から受診日 "
                    + on + " までの日付を指定してください。");
        }
        CeilingService.Choice choice = CeilingService.choose(classCode, ratio, birthDate, on);
        if (choice instanceof CeilingService.UnknownClass u) {
            throw CliException.badInput("--class " + u.code() + ": 限度額適用区分が分かりません。使える区分は " + CeilingClass.known() + " です。");
        } else if (choice instanceof CeilingService.NeedsBirthDate) {
            throw CliException.badInput("--ratio で区分を推定するには年齢が必要です。--birth-date YYYY-MM-DD を指定してください。");
        } else if (choice instanceof CeilingService.UnknownRatio u) {
            throw CliException.badInput("--ratio " + u.ratio() + ": 負担割合が分かりません。010（1割）、020（2割）、030（3割）のいずれかを指定してください。");
        } else if (choice instanceof CeilingService.NothingGiven) {
            throw CliException.badInput("--class がありません。限度額適用区分（" + CeilingClass.known()
                    + "）を指定するか、分からないときは --ratio と --birth-date を指定してください。");
        }
        CeilingService.Chosen chosen = (CeilingService.Chosen) choice;
        Scope sc = switch (scope.toLowerCase(Locale.ROOT)) {
            case "household" -> Scope.HOUSEHOLD;
            case "outpatient" -> Scope.OUTPATIENT;
            default -> throw CliException.badInput("--scope " + scope + ": household（世帯）か outpatient（外来・個人ごと）を指定してください。");
        };
        if (total != null && (total < 0 || total > MAX_TOTAL_YEN)) {
            throw CliException.badInput("--total " + total + ": 総医療費は 0 円以上 " + String.format("%,d", MAX_TOTAL_YEN)
                    + " 円以下の整数（円）で指定してください。");
        }
        if (birthDate != null && birthDate.isAfter(on)) {
            throw CliException.badInput("--birth-date " + birthDate + ": 診療月の日付（" + on + "）より後です。生年月日を確かめてください。");
        }
        CeilingService.Figures figures;
        try {
            figures = service.compute(table, chosen, total, on, many, sc, specifiedDisease, dialysis, birthDate);
        } catch (CeilingException e) {
            throw CliException.badInput(e.getMessage());
        }
        if (json) {
            out.println(JsonText.pretty(figures.json()));
        } else {
            out.print(figures.text());
        }
        out.flush();
        return ExitCode.OK.status;
    }
}
