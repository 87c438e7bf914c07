package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.bench.CardBench;
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
@Command(name = "bench", description = "APDU の処理速度、証明書読み取り＋暗証番号照合＋署名の所要時間、--oqs で模擬サービスを計測します（開発用）")
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

    @Option(names = "--oqs", description = "模擬オンライン資格確認サービスも計測します（照会/秒、500 件/秒での p99、障害ごとのオフライン判定までの時間）")
    boolean oqs;

    @Override
    public Integer call() throws Exception {
        if (apdus < 1) {
            throw CliException.badInput("--apdus " + apdus + ": 計測する APDU の往復回数は 1 以上の整数で指定してください。");
        }
        if (runs < 1) {
            throw CliException.badInput("--runs " + runs + ": 計測する回数は 1 以上の整数で指定してください。");
        }
        PrintWriter out = spec.commandLine().getOut();
        var profile = CardProfiles.resolve("default");
        VirtualTerminals terminals = new VirtualTerminals();
        terminals.plug("bench").insert(MyNumberCard.of(profile));
        Card card = terminals.factory().terminals().list().get(0).connect("*");
        report(out, "in-JVM reader", card, profile.authPin().toCharArray());
        if (pcsc) {
            try (VpcdBridge bridge = new VpcdBridge(VpcdAddress.parse(vpcd)).start()) {
                bridge.insert(MyNumberCard.of(profile));
                CardTerminal terminal = CardReaders.pcsc().choose(readerName);
                if (!terminal.waitForCardPresent(5000)) {
                    throw CliException.unavailable("pcscd did not see the card on " + readerName + " (is vpcd at " + vpcd + "?)");
                }
                Card viaPcscd = terminal.connect("*");
                report(out, "pcscd + vpcd", viaPcscd, profile.authPin().toCharArray());
                viaPcscd.disconnect(false);
            } catch (ReaderException e) {
                throw CliException.unavailable(e.problem().message() + e.problem().nextStep() + " (" + e.getMessage() + ")");
            }
        }
        if (oqs) {
            jp.mynadesk.oqs.OqsBench.run(new java.io.PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8));
        }
        return Main.OK;
    }

    private void report(PrintWriter out, String carrier, Card card, char[] pin) throws Exception {
        CardBench.Rate rate = CardBench.apduRoundTrips(card, Math.min(apdus, 2000), apdus);
        out.printf("%-16s APDU round trips      %,10.0f /s   (%d APDUs)%n", carrier, rate.perSecond(), rate.count());
        CardBench.Latency flow = CardBench.readVerifySign(card, pin, Math.min(runs, 20), runs);
        out.printf("%-16s read cert+verify+sign median %.2f ms, p90 %.2f ms, max %.2f ms (%d runs)%n",
                carrier, flow.medianMs(), flow.p90Ms(), flow.maxMs(), flow.runs());
    }
}
