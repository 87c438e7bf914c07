package jp.mynadesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.rules.DocumentEntry;
import jp.mynadesk.rules.InsurerKind;
import jp.mynadesk.rules.InsurerNumber;
import jp.mynadesk.rules.InsurerNumberCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mynadesk insurer-number check NUMBER [--json]} (docs/RULES.md §2). A wrong number is a result (exit 0). */
@Command(name = "insurer-number", description = "保険者番号", subcommands = InsurerNumberCommand.Check.class)
final class InsurerNumberCommand {

    @Command(name = "check", description = "保険者番号の桁数と検証番号を確かめます")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NUMBER", description = "保険者番号（8桁、国保は6桁）")
        String number;

        @Option(names = "--json", description = "JSON で出力します")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            return run(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        public int run(PrintWriter out, PrintWriter err) throws JsonProcessingException {
            // Staff type with the IME on: full-width digits are the same number (NFKC makes them ASCII).
            InsurerNumberCheck result = InsurerNumber.check(DocumentEntry.normalise(number));
            if (json) {
                out.println(JsonText.pretty(toJson(result)));
            } else {
                out.println(human(result));
            }
            out.flush();
            return ExitCode.OK.status;
        }

        static ObjectNode toJson(InsurerNumberCheck result) {
            ObjectNode n = JsonText.object();
            n.put("input", result.input());
            n.put("valid", result.valid());
            if (result instanceof InsurerNumberCheck.WellFormed w) {
                n.put("expectedCheckDigit", w.expectedCheckDigit());
                n.put("kind", w.kind().code());
                n.put("prefecture", w.prefecture());
                n.put("prefectureInRange", w.prefectureInRange());
            } else {
                n.putNull("expectedCheckDigit");
                n.putNull("kind");
                n.put("reason", ((InsurerNumberCheck.Malformed) result).reason());
            }
            return n;
        }

        static String human(InsurerNumberCheck result) {
            if (result instanceof InsurerNumberCheck.WellFormed w) {
                String kind = w.kind() == InsurerKind.OTHER ? "" : "（" + w.kind().label() + "）";
                if (w.valid()) {
                    boolean fushou = w.input().equals(InsurerNumber.UNKNOWN_INSURER_CHECKED);
                    return "保険者番号 " + w.input() + kind + ": 正しい番号です。" + (fushou ? "不詳請求用の番号です。"
                            : w.prefectureInRange() ? "" : "ただし都道府県番号 " + w.prefecture()
                                    + " は通常使われない番号です（01〜47）。書類の番号をもう一度確かめてください。");
                }
                return "保険者番号 " + w.input() + kind + ": 検証番号（最後の桁）が合いません。最後の桁は " + w.expectedCheckDigit()
                        + " のはずです。読み取り直すか、書類の番号を確かめて入力し直してください。";
            }
            var m = (InsurerNumberCheck.Malformed) result;
            return "保険者番号 \"" + m.input() + "\": " + (m.reason().equals(InsurerNumberCheck.Malformed.NOT_DIGITS)
                    ? "数字以外の文字が入っています。" : "桁数が " + m.input().length() + " 桁です。")
                    + "保険者番号は8桁（国民健康保険は6桁）の数字です。書類の番号を確かめてください。";
        }
    }
}
