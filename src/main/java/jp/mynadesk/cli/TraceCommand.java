package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.Ticker;
import jp.mynadesk.card.Trace;
import jp.mynadesk.card.TraceFormatException;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.replay.JpkiReplay;
import jp.mynadesk.replay.ReplayReport;
import jp.mynadesk.replay.ReplayText;
import jp.mynadesk.text.SafeText;
import jp.mynadesk.virtualcard.Pauses;
import jp.mynadesk.virtualcard.ProfileException;
import jp.mynadesk.virtualcard.ReplayCard;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mynadesk trace ...}: recorded card sessions (docs/TRACE.md). */
@Command(name = "trace", description = "カードとのやりとりの記録（トレース）/ APDU traces",
        mixinStandardHelpOptions = true, subcommands = TraceCommand.Replay.class)
final class TraceCommand {

    /** Exit 1 here means "the conversation differs", the answer a developer asked for, not a crash. */
    static final int DIFFERS = ExitCode.UNEXPECTED.status;
    /**
     * The largest trace file read (docs/TRACE.md): a check's card session is a few KiB, a whole desk day of them a few
     * MiB; a file larger than this is not a trace and is not read into memory.
     */
    static final int MAX_TRACE_BYTES = 32 * 1024 * 1024;

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"記録したトレースを仮想カードリーダーで再生し、受付端末のカード手順（アプリ選択・証明書読取・"
                    + "暗証番号の残り回数・照合・署名）が記録と同じやりとりになるかを確かめます。",
                "暗証番号は不要です（記録と同じ桁数の任意の番号で照合します）。",
                "終了コード: 0 記録どおり、1 記録と異なる（最初に違ったコマンドを表示）、2 トレースファイルの誤り。"})
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "トレースファイル（docs/TRACE.md の形式）")
        Path file;

        @Option(names = "--json", description = "結果を JSON で出力します")
        boolean json;

        @Option(names = "--reader-profile", paramLabel = "NAME",
                description = "記録時とは別のカードリーダーのふるまいで再生します（'card reader-profiles' の名前または JSON ファイル）")
        String readerProfile;

        /** Recorded delays are really waited out; tests inject a pause that only counts. */
        private final LongConsumer pause;

        Replay() {
            this(Pauses.REAL);
        }

        Replay(LongConsumer pause) {
            this.pause = pause;
        }

        @Override
        public Integer call() throws JsonProcessingException {
            Trace trace = read();
            ReplayReport report = readerProfile == null ? JpkiReplay.run(trace, pause)
                    : JpkiReplay.run(trace, readerProfile(), Ticker.SYSTEM, pause);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonText.pretty(json(report)));
            } else {
                human(out, trace, report);
            }
            return report.identical() ? ExitCode.OK.status : DIFFERS;
        }

        private ReaderProfile readerProfile() {
            try {
                return ReaderProfiles.resolve(readerProfile);
            } catch (ProfileException e) {
                // the message names what was given and, for an unknown name, the built-in names
                throw CliException.badInput("--reader-profile: カードリーダープロファイルを読み込めません。" + e.getMessage());
            }
        }

        private Trace read() {
            String text = InputFiles.readUtf8("FILE", "トレースファイル", file, MAX_TRACE_BYTES);
            try {
                return ApduTrace.parse(text);
            } catch (TraceFormatException e) {
                throw CliException.badInput("トレースファイル " + file + " の " + e.line() + "行目が正しくありません: " + e.problem()
                        + "（形式は docs/TRACE.md）");
            }
        }

        private void human(PrintWriter out, Trace trace, ReplayReport report) {
            var h = trace.header();
            out.println("トレース再生: " + file);
            out.println("  記録: " + SafeText.line(h.program())
                    + (h.reader() == null ? "" : "／リーダー「" + SafeText.line(h.reader()) + "」")
                    + (h.cardProfile() == null ? "" : "／カードプロファイル " + SafeText.line(h.cardProfile()))
                    + (h.started() == null ? "" : "／開始 " + h.started()));
            for (ReplayReport.Step step : report.steps()) {
                out.println("  - " + ReplayText.step(step.name()) + ": " + step.text());
            }
            if (report.identical()) {
                out.println("結果: 記録どおりに再生できました（コマンド " + report.commands() + "件すべて一致）。");
                return;
            }
            ReplayCard.Divergence d = report.divergence().orElseThrow();
            out.println("結果: 記録と異なります。" + d.command() + "件目のコマンドが違います（トレース " + d.line() + "行目）。");
            out.println("  記録: " + (d.expected() == null ? "（記録はここで終わっています）" : d.expected()));
            out.println("  今回: " + (d.actual() == null ? "（このコマンドを送らずに終わりました）" : d.actual()));
        }

        private ObjectNode json(ReplayReport report) {
            ObjectNode m = JsonText.object();
            m.put("file", file.toString());
            m.put("identical", report.identical());
            m.put("commands", report.commands());
            m.put("recordedCommands", report.recorded());
            var steps = m.putArray("steps");
            for (ReplayReport.Step s : report.steps()) {
                steps.addObject().put("name", s.name()).put("outcome", s.outcome()).put("text", s.text());
            }
            report.divergence().ifPresent(d -> m.putObject("divergence").put("command", d.command()).put("line", d.line())
                    .put("expected", d.expected()).put("actual", d.actual()));
            return m;
        }
    }
}
