package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.settings.Setting;
import jp.mynadesk.settings.Settings;
import jp.mynadesk.settings.SettingsFile;
import jp.mynadesk.settings.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk settings show}: every setting in force and where it came from (docs/CLINIC.md, "Settings"). */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "この受付端末の設定を表示します（設定ファイルは mynadesk setup で作ります） / the desk's settings",
        subcommands = SettingsCommand.Show.class)
final class SettingsCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "使われる設定の値と、それぞれがどこから来たか（オプション・環境変数・設定ファイル・既定）を表示します")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DeskOptions desk = new DeskOptions();

        @Option(names = "--json", description = "JSON で出力します: {\"file\": {path, source, exists}, \"settings\": {キー: {value, source, from}}}")
        boolean json;

        private final Map<String, String> env;

        Show() {
            this(System.getenv());
        }

        Show(Map<String, String> env) {
            this.env = env;
        }

        /** One setting as shown: its value (a text, a list of texts, or null), where it came from, and a note. */
        record Row(String key, Object value, Setting<?> setting, String note) {}

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Settings s = desk.settings(env);
            List<Row> rows = rows(s);
            if (json) {
                out.println(JsonText.pretty(json(s, rows)));
                out.flush();
                return ExitCode.OK.status;
            }
            SettingsFile.Location where = s.location();
            out.println("設定ファイル: " + (where == null ? "（場所が決まりません: HOME がありません）"
                    : where.path().toAbsolutePath() + (s.fileRead() ? "" : "（まだありません。mynadesk setup で作ります）")));
            for (Row r : rows) {
                String shown = r.value() == null ? "" : r.value() instanceof List<?> list
                        ? list.stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("") : r.value().toString();
                out.println(r.key() + ": " + (shown.isEmpty() ? "（なし）" : shown) + "　［" + r.setting().source().label()
                        + (r.setting().source() == Source.DEFAULT ? "" : ": " + r.setting().where()) + "］"
                        + (r.note() == null ? "" : "　" + r.note()));
            }
            out.flush();
            return ExitCode.OK.status;
        }

        private List<Row> rows(Settings s) {
            boolean virtual = desk.reader != null && desk.reader.virtual != null;
            List<Row> rows = new ArrayList<>();
            rows.add(new Row("institution", s.institution().value(), s.institution(), null));
            rows.add(new Row("terminal", s.terminal().value(), s.terminal(), null));
            rows.add(new Row("reader", s.reader().value(), s.reader(), s.reader().isSet() ? null
                    : "指定なし: PC/SC のカードリーダーを使うときは、最初に見つかった1台"));
            rows.add(new Row("trustAnchors", s.trustAnchors().value().stream().map(p -> p.toAbsolutePath().toString()).toList(),
                    s.trustAnchors(), s.trustAnchors().value().isEmpty()
                            ? "なし: カードリーダーでのカードの確認は始まりません（練習モードの仮想カードは模擬CAを信頼）" : null));
            rows.add(new Row("service", DeskOptions.service(s, virtual).text(), s.service(), s.service().isSet() ? null
                    : "既定: 仮想カードでは mock、それ以外は none"));
            Object record = s.record().isSet() && s.recordIsDatabase() ? s.record().value()
                    : desk.data.directory(s, env).path().toAbsolutePath().toString();
            rows.add(new Row("record", record, s.record(), null));
            rows.add(new Row("visualStaff", s.visualStaff().value(), s.visualStaff(), s.visualStaff().value().isEmpty()
                    ? "指定なし: どの職員でも目視確認ができます" : null));
            return rows;
        }

        private static ObjectNode json(Settings s, List<Row> rows) {
            ObjectNode o = JsonText.object();
            ObjectNode file = o.putObject("file");
            SettingsFile.Location where = s.location();
            file.put("path", where == null ? null : where.path().toAbsolutePath().toString());
            file.put("source", where == null ? null : where.source().code());
            file.put("exists", s.fileRead());
            ObjectNode settings = o.putObject("settings");
            for (Row r : rows) {
                ObjectNode one = settings.putObject(r.key());
                if (r.value() instanceof List<?> list) {
                    ArrayNode a = one.putArray("value");
                    list.forEach(item -> a.add(item.toString()));
                } else {
                    one.put("value", r.value() == null ? null : r.value().toString());
                }
                one.put("source", r.setting().source().code());
                one.put("from", r.setting().where());
            }
            return o;
        }
    }
}
