package jp.mynadesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.store.SchemaChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mynadesk db verify|backup|migrate}: the record's integrity, copies and schema version. */
@Command(name = "db", description = "記録（データベース）の検査・バックアップ・版の更新 / the record: verify, back up, migrate",
        mixinStandardHelpOptions = true, subcommands = {DbCommand.Verify.class, DbCommand.Backup.class,
                DbCommand.Migrate.class})
final class DbCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "記録が壊れていないか、プログラムの外で書き換えられていないかを確かめます（正常 0、異常 4）")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = "--json", description = "JSON で出力します: {\"ok\",\"visits\",\"auditEntries\",\"firstBroken\","
                + "\"unkeyedEntries\",\"anchoredEntries\"}")
        boolean json;

        private final Map<String, String> env;

        Verify() {
            this(System.getenv());
        }

        Verify(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws JsonProcessingException {
            IntegrityReport report;
            try (VisitStore store = data.openExisting(env)) {
                report = store.verify();
            } catch (StoreException e) {
                throw DataOptions.failure(e);
            }
            var out = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = JsonText.object();
                n.put("ok", report.ok());
                n.put("visits", report.visits());
                n.put("auditEntries", report.auditEntries());
                n.put("firstBroken", report.firstBroken());
                n.put("unkeyedEntries", report.unkeyedEntries());
                n.put("anchoredEntries", report.anchoredEntries());
                out.println(JsonText.pretty(n));
            } else if (report.ok()) {
                out.println("記録は正常です（受付 " + report.visits() + " 件、監査記録 " + report.auditEntries() + " 件）。");
                if (report.unkeyedEntries() > 0) {
                    out.println("監査記録 #1–#" + report.unkeyedEntries() + " は鍵付きにする前の記録です（鍵なしのハッシュで確かめ、"
                            + "鍵付きにした時点の先頭と一致しています）。");
                }
                out.println(report.anchoredEntries() > 0
                        ? "記録の外の控え（" + jp.mynadesk.store.Seal.ANCHOR_FILE + " など）の #" + report.anchoredEntries()
                                + " までと一致しています。"
                        : "記録の外の控えはまだありません（この端末はこの記録に書き込んでいません）。");
            } else {
                out.println("記録に異常があります: " + report.firstBroken());
                out.println("バックアップから戻すか、システム管理者に連絡してください。");
            }
            out.flush();
            return report.ok() ? ExitCode.OK.status : ExitCode.DAMAGED.status;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "記録を使用中のままファイルへ複製します（SQLite のオンラインバックアップ）")
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "FILE", description = "書き出すファイル（既にあるときは --overwrite が必要）")
        Path target;

        @Option(names = "--overwrite", description = "FILE が既にあれば置き換えます")
        boolean overwrite;

        private final Map<String, String> env;

        Backup() {
            this(System.getenv());
        }

        Backup(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Path file = target.toAbsolutePath();
            if (Files.isDirectory(file)) {
                throw CliException.badInput("FILE にはフォルダではなくファイルの名前を指定してください: " + file);
            }
            if (Files.exists(file) && !overwrite) {
                throw CliException.badInput("FILE は既にあります: " + file + "（置き換えるときは --overwrite を付けてください）");
            }
            if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
                throw CliException.badInput("FILE のフォルダがありません: " + file.getParent());
            }
            try (VisitStore store = data.openExisting(env)) {
                store.backup(file);
            } catch (StoreException e) {
                throw DataOptions.failure(e);
            }
            spec.commandLine().getOut().println("バックアップを書き出しました: " + file);
            spec.commandLine().getOut().flush();
            return ExitCode.OK.status;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "記録の版（データベースの構造）を、この mynadesk の版まで更新します。端末を動かす前に一度実行します"
                    + "（各端末も開くときに更新します）")
    static final class Migrate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = "--json", description = "JSON で出力します: {\"from\",\"to\",\"rekeyedAfter\"}（rekeyedAfter: この実行で"
                + "確かめて鍵付きにした鍵なしの監査記録の数、なければ -1）")
        boolean json;

        private final Map<String, String> env;

        Migrate() {
            this(System.getenv());
        }

        Migrate(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws JsonProcessingException {
            SchemaChange change = data.migrate(env);
            var out = spec.commandLine().getOut();
            if (json) {
                ObjectNode n = JsonText.object();
                n.put("from", change.from());
                n.put("to", change.to());
                n.put("rekeyedAfter", change.rekeyedAfter());
                out.println(JsonText.pretty(n));
            } else if (change.from() == change.to()) {
                out.println("記録は最新の版です（版 " + change.to() + "）。");
            } else {
                out.println("記録の版を更新しました: " + change.from() + " → " + change.to());
            }
            if (!json && change.rekeyedAfter() > 0) {
                out.println("監査記録を鍵付きにしました: 鍵のない監査記録 #1–#" + change.rekeyedAfter() + " をすべて確かめたうえで、"
                        + "#" + (change.rekeyedAfter() + 1) + " からは監査鍵（" + jp.mynadesk.store.Seal.KEY_FILE + "）付きのハッシュです。"
                        + "#" + change.rekeyedAfter() + " までは鍵のない記録のままです。");
            }
            out.flush();
            return ExitCode.OK.status;
        }
    }
}
