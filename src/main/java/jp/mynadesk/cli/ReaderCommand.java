package jp.mynadesk.cli;

import java.util.concurrent.Callable;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.reader.ReaderInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mynadesk reader list}: the PC/SC readers, whether a card is on each, and its ATR. */
@Command(name = "reader", description = "カードリーダー（PC/SC）", subcommands = ReaderCommand.ListReaders.class)
final class ReaderCommand {

    @Command(name = "list", description = "接続されているカードリーダーとカードの有無を表示します")
    static final class ListReaders implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Option(names = "--json", description = "JSON で出力します")
        boolean json;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            try {
                var readers = CardReaders.pcsc().list();
                if (readers.isEmpty()) {
                    throw CliException.unavailable("カードリーダーが見つかりません。カードリーダーのUSBケーブルを接続し直してください。");
                }
                if (json) {
                    var list = jp.mynadesk.format.JsonText.array();
                    for (ReaderInfo r : readers) {
                        list.addObject().put("name", r.name()).put("cardPresent", r.cardPresent()).put("atr", r.atr().orElse(null));
                    }
                    out.println(list.toString());
                } else {
                    for (ReaderInfo r : readers) {
                        out.printf("%s\t%s\t%s%n", r.name(), r.cardPresent() ? "カードあり" : "カードなし", r.atr().orElse("-"));
                    }
                }
                out.flush();
                return ExitCode.OK.status;
            } catch (ReaderException e) {
                throw CliException.unavailable(jp.mynadesk.desk.StaffText.messageAndNext(e.problem()) + " (" + e.getMessage() + ")");
            }
        }
    }
}
