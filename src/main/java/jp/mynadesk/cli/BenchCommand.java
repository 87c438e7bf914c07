package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import javax.smartcardio.Card;
import jp.mynadesk.bench.CardBench;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk bench}: throughput and latency of the card path, printed as figures (developer tool, English). */
@Command(name = "bench", description = "Measure APDU throughput and the read+verify+sign latency (developer tool)")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--apdus", defaultValue = "20000", description = "APDU round trips to time (default: ${DEFAULT-VALUE})")
    int apdus;

    @Option(names = "--runs", defaultValue = "200", description = "read+verify+sign runs to time (default: ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        var profile = CardProfiles.resolve("default");
        VirtualTerminals terminals = new VirtualTerminals();
        terminals.plug("bench").insert(MyNumberCard.of(profile));
        Card card = terminals.factory().terminals().list().get(0).connect("*");
        report(out, "in-JVM reader", card, profile.authPin().toCharArray());
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
