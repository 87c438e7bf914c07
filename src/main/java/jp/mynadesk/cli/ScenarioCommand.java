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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.mynadesk.documents.JsonText;
import jp.mynadesk.scenario.JUnitReport;
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
            ScenarioRunner runner = new ScenarioRunner(pcsc, LocalDate.now(wall.withZone(ZoneId.of("Asia/Tokyo"))));
            List<ScenarioResult> results = new ArrayList<>();
            for (Path f : files) {
                ScenarioResult r = runner.run(f);
                results.add(r);
                if (!json) {
                    out.println((r.passed() ? "成功 " : "失敗 ") + r.file() + "  " + r.name());
                    if (!r.passed()) {
                        out.println("    " + r.message());
                    }
                    out.flush();
                }
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            if (junit != null) {
                try {
                    JUnitReport.write(results, Path.of(junit));
                } catch (IOException e) {
                    throw CliException.unavailable("--junit: " + junit + " に書けません: " + e.getMessage());
                }
            }
            if (json) {
                out.println(JsonText.pretty(summary(results)));
            } else {
                double seconds = results.stream().mapToLong(r -> r.time().toMillis()).sum() / 1000.0;
                out.printf(Locale.ROOT, "%nシナリオ %d 件: 成功 %d 件、失敗 %d 件（%.1f 秒）%n", results.size(),
                        results.size() - failed, failed, seconds);
            }
            return failed == 0 ? Main.OK : Main.UNEXPECTED;
        }

        private static ObjectNode summary(List<ScenarioResult> results) {
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
            }
            return o;
        }
    }
}
