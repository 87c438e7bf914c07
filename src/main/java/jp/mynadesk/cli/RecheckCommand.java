package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckJson;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.RecheckRunner;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.station.Station;
import jp.mynadesk.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk recheck}: 再照会 of every pending visit with the service's 一括照会, and the discrepancies found. */
@Command(name = "recheck", mixinStandardHelpOptions = true,
        description = "再照会待ちの受付をまとめてオンラインで照会し直し、相違を報告します")
final class RecheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeskOptions desk = new DeskOptions();

    @Option(names = "--json", description = "結果を JSON で出力します")
    boolean json;

    private final Clock wall;
    private final Map<String, String> env;

    RecheckCommand() {
        this(Clock.systemUTC(), System.getenv());
    }

    RecheckCommand(Clock wall, Map<String, String> env) {
        this.wall = wall;
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null && !json;
        try (Station station = desk.open(wall, env, null, err::println, false)) {
            if (!station.hasService()) {
                // docs/CLINIC.md: without a service a re-check has nothing to ask; the pending visits stay as they are
                throw CliException.unavailable(StaffText.recheckNeedsService());
            }
            int pending = station.store().pendingRechecks().size();
            RecheckRun run = RecheckRunner.of(station.context()).run(done -> {
                if (terminal) {
                    SafeText.carriageReturn(err);
                    err.print(StaffText.recheckProgress(done, pending));
                    err.flush();
                }
            });
            if (terminal) {
                err.println();
            }
            if (json) {
                out.println(JsonText.pretty(RecheckJson.contract(run)));
                return ExitCode.OK.status;
            }
            out.println(StaffText.recheckSummary(run.findings().size(), run.count(RecheckFinding.Kind.CONFIRMED),
                    run.count(RecheckFinding.Kind.UNANSWERED)));
            for (RecheckFinding f : run.findings()) {
                if (f.kind() != RecheckFinding.Kind.CONFIRMED) {
                    out.println("  " + StaffText.findingLine(f, station.store().visit(f.visitId()).orElse(null))
                            + StaffText.findingDetail(f.detail()));
                }
            }
        } catch (StoreException e) {
            throw DataOptions.failure(e);
        }
        return ExitCode.OK.status;
    }
}
