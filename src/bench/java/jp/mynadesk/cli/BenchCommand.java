package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.bench.BenchReport;
import jp.mynadesk.bench.CardBench;
import jp.mynadesk.bench.MultiDeskBench;
import jp.mynadesk.store.SharedDatabase;
import jp.mynadesk.bench.OqsBench;
import jp.mynadesk.bench.RegistryBench;
import jp.mynadesk.bench.StartupBench;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.virtualcard.vpcd.VpcdAddress;
import jp.mynadesk.virtualcard.vpcd.VpcdBridge;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk bench}: throughput and latency of the card path, printed as figures (developer tool, English). */
@Command(name = "bench", description = "カードの経路、--oqs で模擬サービス、--desk で受付、--startup で起動時間、--registry N で大きな登録簿を計測します。目標ごとに PASS/FAIL を表示し、終了コードはどちらも 0（開発用）")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--apdus", defaultValue = "20000", description = "計測する APDU の往復回数、1 以上（既定: ${DEFAULT-VALUE}）")
    int apdus;

    @Option(names = "--runs", defaultValue = "200", description = "読み取り＋照合＋署名を計測する回数、1 以上（既定: ${DEFAULT-VALUE}）")
    int runs;

    @Option(names = "--pcsc", description = "pcscd 経由でも計測します（カードを vpcd に差し、SunPCSC で読みます）")
    boolean pcsc;

    @Option(names = "--vpcd", defaultValue = "127.0.0.1:35963", description = "--pcsc で使う vpcd の待ち受け先（既定: ${DEFAULT-VALUE}）")
    String vpcd;

    @Option(names = "--reader", defaultValue = "Virtual PCD 00 00", description = "その vpcd に対応する PC/SC リーダー名（既定: ${DEFAULT-VALUE}）")
    String readerName;

    @Option(names = "--oqs", description = "模擬オンライン資格確認サービスも計測します（処理能力、500 件/秒での p99、クライアントの負荷、障害ごとのオフライン判定までの時間）")
    boolean oqs;

    @Option(names = "--desk", description = "代わりに受付を計測します（暗証番号による確認1件の所要時間、--pending 件の再照会、visits --json）")
    boolean desk;

    @Option(names = "--web", description = "代わりにブラウザの受付を計測します（患者さんの最後の暗証番号の桁から、職員画面のイベントに結果が届くまで）")
    boolean web;

    @Option(names = "--pending", defaultValue = "10000", description = "--desk で再照会する再照会待ちの件数（既定: ${DEFAULT-VALUE}）")
    int pending;

    @Option(names = "--store", description = "代わりに記録を計測します: PostgreSQL（--db か $MYNADESK_DB）に4端末、SQLite に1端末での受付/秒と記録の p99")
    boolean store;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "--store で使う PostgreSQL（既定: $MYNADESK_DB。パスワードは $MYNADESK_DB_PASSWORD か $PGPASSWORD）")
    String db;

    @Option(names = "--visits", defaultValue = "1000", description = "--store で1端末・1回あたりに記録する受付の件数（既定: ${DEFAULT-VALUE}）")
    int visits;

    @Option(names = "--startup", description = "代わりに各コマンドの起動時間を子プロセスで計り、java -version と比べます")
    boolean startup;

    @Option(names = "--launcher", defaultValue = "./mynadesk", description = "--startup で使う起動スクリプト（既定: ${DEFAULT-VALUE}）")
    Path launcher;

    @Option(names = "--registry", paramLabel = "N", description = "代わりに N 人の登録簿を作り、子 JVM で読み込みを計測します")
    Integer registryPeople;

    @Option(names = "--rounds", defaultValue = "5", description = "ウォームアップのあと、1つの数値を測る回数（既定: ${DEFAULT-VALUE}）")
    int rounds;

    @Option(names = "--json", description = "数値と判定を JSON で出力します（途中経過は標準エラー出力）")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (apdus < 1) {
            throw CliException.badInput("--apdus " + apdus + ": 計測する APDU の往復回数は 1 以上の整数で指定してください。");
        }
        if (runs < 1) {
            throw CliException.badInput("--runs " + runs + ": 計測する回数は 1 以上の整数で指定してください。");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : out;
        if (rounds < 1) {
            throw CliException.badInput("--rounds は 1 以上で指定してください（指定値: " + rounds + "）");
        }
        List<BenchReport> reports = new ArrayList<>();
        String java = ProcessHandle.current().info().command().orElse("java");
        if (web) {
            reports.add(jp.mynadesk.bench.WebBench.run(rounds, 50, progress));
        } else if (desk) {
            if (pending < 1) {
                throw CliException.badInput("--pending は 1 以上で指定してください（指定値: " + pending + "）");
            }
            reports.add(jp.mynadesk.bench.DeskBench.run(rounds, 50, pending, progress));
        } else if (store) {
            SharedDatabase shared;
            try {
                shared = SharedDatabase.resolve(db, null, System.getenv());
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(e.getMessage());
            }
            if (shared == null) {
                throw CliException.badInput("--store には PostgreSQL が要ります: --db JDBC-URL か環境変数 MYNADESK_DB で指定してください。");
            }
            if (visits < 1) {
                throw CliException.badInput("--visits は 1 以上で指定してください（指定値: " + visits + "）");
            }
            reports.add(MultiDeskBench.run(shared, visits, rounds, progress));
        } else if (startup) {
            Path dir = Files.createTempDirectory("mynadesk-startup-bench");
            try {
                reports.add(StartupBench.run(launcher, java, rounds, dir));
            } finally {
                Files.deleteIfExists(dir);
            }
        } else if (registryPeople != null) {
            if (registryPeople < 1) {
                throw CliException.badInput("--registry は 1 以上の人数で指定してください（指定値: " + registryPeople + "）");
            }
            Path dir = Files.createTempDirectory("mynadesk-registry-bench");
            try {
                reports.add(RegistryBench.run(registryPeople, rounds, java, dir));
            } finally {
                Files.deleteIfExists(dir);
            }
        } else {
            reports.add(cardReport());
            if (oqs) {
                OqsBench.Settings d = OqsBench.Settings.defaults();
                reports.add(OqsBench.run(new OqsBench.Settings(d.connections(), rounds, d.warmup(), d.round(), d.offeredRate()), progress));
            }
        }
        if (json) {
            out.println(reports.stream().map(BenchReport::json).collect(Collectors.joining(",", "{\"reports\":[", "]}")));
            out.flush();
        } else {
            reports.forEach(r -> r.print(out));
        }
        return ExitCode.OK.status;
    }

    private BenchReport cardReport() throws Exception {
        BenchReport report = new BenchReport("card path");
        var profile = CardProfiles.resolve("default");
        VirtualTerminals terminals = new VirtualTerminals();
        terminals.plug("bench").insert(MyNumberCard.of(profile));
        Card card = terminals.factory().terminals().list().get(0).connect("*");
        measure(report, "in-JVM reader", card, profile.authPin().toCharArray());
        if (pcsc) {
            try (VpcdBridge bridge = new VpcdBridge(VpcdAddress.parse(vpcd)).start()) {
                bridge.insert(MyNumberCard.of(profile));
                CardTerminal terminal = CardReaders.pcsc().choose(readerName);
                if (!terminal.waitForCardPresent(5000)) {
                    throw CliException.unavailable("pcscd がリーダー " + readerName + " のカードを認識しません。vpcd が " + vpcd + " で待ち受けているか確かめてください。");
                }
                Card viaPcscd = terminal.connect("*");
                measure(report, "pcscd + vpcd", viaPcscd, profile.authPin().toCharArray());
                viaPcscd.disconnect(false);
            } catch (ReaderException e) {
                throw CliException.unavailable(jp.mynadesk.desk.StaffText.messageAndNext(e.problem()) + " (" + e.getMessage() + ")");
            }
        }
        return report;
    }

    /**
     * APDU rate over rounds after a warm-up as long as all of them (a short warm-up left the in-JVM figure swinging
     * between 170k and 1M/s while C2 was still compiling), then the card step's latency.
     */
    private void measure(BenchReport report, String carrier, Card card, char[] pin) throws Exception {
        CardBench.apduRoundTrips(card, 0, apdus * rounds);
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            rates[i] = CardBench.apduRoundTrips(card, 0, apdus).perSecond();
        }
        report.add(carrier + ": APDU round trips (" + apdus + " a round)", "/s", rates, null);
        CardBench.Latency flow = CardBench.readVerifySign(card, pin, Math.min(runs, 20), runs);
        report.add(carrier + ": read cert+verify+sign median (" + runs + " runs)", "ms", new double[] {flow.medianMs()}, null);
        report.add(carrier + ": read cert+verify+sign p90", "ms", new double[] {flow.p90Ms()}, null);
    }
}
