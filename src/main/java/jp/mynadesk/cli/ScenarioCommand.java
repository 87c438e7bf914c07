package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.scenario.JUnitReport;
import jp.mynadesk.scenario.ScenarioBatch;
import jp.mynadesk.scenario.ScenarioException;
import jp.mynadesk.scenario.ScenarioFile;
import jp.mynadesk.scenario.ScenarioResult;
import jp.mynadesk.scenario.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mynadesk scenario run}: QA's scenario files (docs/SCENARIOS.md), one desk each, with a JUnit report. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "シナリオファイル（YAML）で受付の場面を再現して確かめます / run desk scenarios",
        subcommands = ScenarioCommand.Run.class)
final class ScenarioCommand {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "シナリオを実行します。終了コード: 0 すべて成功、1 失敗あり、2 指定の誤り")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "シナリオファイル、またはフォルダ（中の *.yaml / *.yml を名前順に）")
        List<String> paths;

        @Option(names = "--junit", paramLabel = "FILE", description = "JUnit XML の報告を書き出します（Jenkins / GitLab 用）")
        String junit;

        @Option(names = "--pcsc", description = "仮想リーダーの代わりに pcscd と vpcd の仮想カードで実行します")
        boolean pcsc;

        @Option(names = "--json", description = "結果を JSON で出力します")
        boolean json;

        @Option(names = "--real-time", description = "待ち時間（再送の間隔、タイムアウト、リーダーの遅延、サービスの障害）を"
                + "シナリオの仮想時間ではなく実際の時間で待ちます（結果は同じで、遅くなります）")
        boolean realTime;

        @Option(names = "--traces", paramLabel = "DIR",
                description = "失敗したシナリオごとに、カードとの APDU のやりとり（暗証番号は伏せ字）をこのフォルダに書き出します（trace replay で再現できます）")
        String traces;

        @Option(names = "--jobs", paramLabel = "N", description = "同時に実行するシナリオの数、1〜" + ScenarioBatch.MAX_JOBS
                + "（既定: 使える CPU の数、最大 4。--pcsc では 1）。出力と結果は 1 つずつ実行したときと同じ順・同じ内容です")
        String jobs;

        private final Clock wall;

        Run() {
            this(Clock.systemUTC());
        }

        Run(Clock wall) {
            this.wall = wall;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> given = new ArrayList<>();
            for (String p : paths) {
                Path path = Path.of(p);
                if (!Files.exists(path)) {
                    throw CliException.badInput("PATH: " + p + " はありません。シナリオファイルかフォルダを指定してください。");
                }
                if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
                    // a named pipe would block the read for ever
                    throw CliException.badInput("PATH: " + p + " は通常のファイルでもフォルダでもありません（名前付きパイプやデバイスからは読みません）。"
                            + "シナリオファイルかフォルダを指定してください。");
                }
                given.add(path);
            }
            List<Path> files;
            try {
                files = ScenarioRunner.files(given);
            } catch (IOException e) {
                throw CliException.badInput("PATH: フォルダを読めません: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw CliException.badInput("PATH: シナリオファイル（*.yaml / *.yml）が見つかりません。");
            }
            for (Path f : files) {
                try {
                    ScenarioFile.checkLimits(f);
                } catch (ScenarioException e) {
                    throw CliException.badInput("PATH: " + f + (e.line() > 0 ? ":" + e.line() : "") + ": "
                            + (e.key() == null ? "" : e.key() + ": ") + e.getMessage() + "。");
                }
            }
            int parallel = jobs();
            Path traceFolder = traces == null ? null : Path.of(traces);
            if (traceFolder != null && !Files.isDirectory(traceFolder)) {
                throw CliException.badInput("--traces " + traces + ": フォルダがありません。トレースを書き出す、あるフォルダを指定してください"
                        + "（フォルダは自動では作りません）。");
            }
            ScenarioRunner runner = new ScenarioRunner(pcsc, LocalDate.now(wall.withZone(ZoneId.of("Asia/Tokyo"))),
                    traceFolder != null, realTime);
            RunCost cost = RunCost.start();
            List<ScenarioResult> results = new ArrayList<>();
            Map<ScenarioResult, Path> written = new IdentityHashMap<>(); // results of different files may be equal
            Set<Path> taken = new HashSet<>();
            RunCost.Workers workers = new RunCost.Workers();
            // each result printed as soon as it and all before it are done: the same lines, in the same order, as one by one
            ScenarioBatch.run(runner, files, parallel, workers, r -> {
                results.add(r);
                if (r.trace() != null) {
                    Path trace = writeTrace(traceFolder, r, taken);
                    taken.add(trace);
                    written.put(r, trace);
                }
                if (!json) {
                    out.println((r.passed() ? "成功 " : "失敗 ") + r.file() + "  " + r.name());
                    if (!r.passed()) {
                        out.println("    " + r.message());
                    }
                    if (written.containsKey(r)) {
                        out.println("    APDUトレース: " + written.get(r));
                    }
                    out.flush();
                }
            });
            RunCost.Spent spent = cost.stop(workers.queuedNanos());
            long failed = results.stream().filter(r -> !r.passed()).count();
            if (junit != null) {
                try {
                    JUnitReport.write(results, written, Path.of(junit));
                } catch (IOException e) {
                    throw CliException.unavailable("--junit: " + junit + " に書けません: " + e.getMessage());
                }
            }
            if (json) {
                ObjectNode summary = summary(results, written);
                summary.put("time", realTime ? "real" : "virtual");
                spent.into(summary, results.size());
                out.println(JsonText.pretty(summary));
            } else {
                out.printf(Locale.ROOT, "%nシナリオ %d 件: 成功 %d 件、失敗 %d 件（%s）%n", results.size(),
                        results.size() - failed, failed, spent.text(realTime));
            }
            return failed == 0 ? ExitCode.OK.status : ExitCode.UNEXPECTED.status;
        }

        /** --jobs: 1 to {@link ScenarioBatch#MAX_JOBS}; unless given, the processors (at most 4), and 1 through pcscd. */
        private int jobs() {
            if (jobs == null) {
                return pcsc ? 1 : ScenarioBatch.defaultJobs();
            }
            int n;
            try {
                n = Integer.parseInt(jobs.trim());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > ScenarioBatch.MAX_JOBS) {
                throw CliException.badInput("--jobs " + jobs + ": 同時に実行するシナリオの数を 1 から " + ScenarioBatch.MAX_JOBS
                        + " までの整数で指定してください。");
            }
            if (pcsc && n > 1) {
                // pcscd serves one vpcd reader: its card is one scenario's at a time
                throw CliException.badInput("--jobs " + jobs + ": --pcsc では pcscd の仮想リーダーが 1 台だけなので、--jobs は 1 にしてください"
                        + "（指定しなければ 1 です）。");
            }
            return n;
        }

        /** {@code <scenario file name>.trace}, numbered when two failed files share a name. */
        private static Path writeTrace(Path folder, ScenarioResult r, Set<Path> taken) {
            String name = r.file().getFileName().toString();
            Path target = folder.resolve(name + ".trace");
            for (int n = 2; taken.contains(target); n++) {
                target = folder.resolve(name + "-" + n + ".trace");
            }
            OutputFiles.writeString("--traces", target, r.trace());
            return target;
        }

        private static ObjectNode summary(List<ScenarioResult> results, Map<ScenarioResult, Path> traces) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("total", results.size());
            o.put("passed", results.stream().filter(ScenarioResult::passed).count());
            o.put("failed", results.stream().filter(r -> !r.passed()).count());
            ArrayNode cases = o.putArray("scenarios");
            for (ScenarioResult r : results) {
                ObjectNode c = cases.addObject();
                c.put("file", r.file().toString());
                c.put("name", r.name());
                c.put("passed", r.passed());
                c.put("message", r.message());
                c.put("steps", r.steps());
                c.put("seconds", r.time().toMillis() / 1000.0);
                c.put("trace", traces.containsKey(r) ? traces.get(r).toString() : null);
            }
            return o;
        }
    }
}
