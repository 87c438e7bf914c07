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
@Command(name = "bench", description = "Measure the card path and (--oqs) the mock service, or (--startup) start-up, or (--registry N) a large registry; PASS/FAIL against each target, exit 0 either way (developer tool)")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--apdus", defaultValue = "20000", description = "APDU round trips to time (default: ${DEFAULT-VALUE})")
    int apdus;

    @Option(names = "--runs", defaultValue = "200", description = "read+verify+sign runs to time (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--pcsc", description = "also measure through pcscd: serve the card to vpcd and read it back with SunPCSC")
    boolean pcsc;

    @Option(names = "--vpcd", defaultValue = "127.0.0.1:35963", description = "vpcd slot for --pcsc (default: ${DEFAULT-VALUE})")
    String vpcd;

    @Option(names = "--reader", defaultValue = "Virtual PCD 00 00", description = "the PC/SC reader of that slot (default: ${DEFAULT-VALUE})")
    String readerName;

    @Option(names = "--oqs", description = "also measure the mock online service: capacity, p99 at 500 req/s, client cost, card checks/s, time to offline per fault")
    boolean oqs;

    @Option(names = "--desk", description = "instead: the desk's figures (full PIN check latency, re-check of --pending visits, visits --json)")
    boolean desk;

    @Option(names = "--web", description = "instead: the desk in a browser, last PIN digit to the outcome on the staff page's event stream")
    boolean web;

    @Option(names = "--pending", defaultValue = "10000", description = "pending visits for --desk's re-check (default: ${DEFAULT-VALUE})")
    int pending;

    @Option(names = "--startup", description = "instead: time each one-shot command as a child process against java -version")
    boolean startup;

    @Option(names = "--launcher", defaultValue = "./mynadesk", description = "launcher for --startup (default: ${DEFAULT-VALUE})")
    Path launcher;

    @Option(names = "--registry", paramLabel = "N", description = "instead: generate and load an N-person registry in a child JVM")
    Integer registryPeople;

    @Option(names = "--rounds", defaultValue = "5", description = "rounds per figure, after a warm-up (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--json", description = "print the figures and verdicts as JSON (progress goes to stderr)")
    boolean json;

    @Override
    public Integer call() throws Exception {
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
        } else if (startup) {
            Path dir = Files.createTempDirectory("mynadesk-startup-bench");
            try {
                reports.add(StartupBench.run(launcher, java, rounds, dir));
            } finally {
                Files.deleteIfExists(dir.resolve("docs-check-sample.json"));
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
        return Main.OK;
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
                    throw CliException.unavailable("pcscd did not see the card on " + readerName + " (is vpcd at " + vpcd + "?)");
                }
                Card viaPcscd = terminal.connect("*");
                measure(report, "pcscd + vpcd", viaPcscd, profile.authPin().toCharArray());
                viaPcscd.disconnect(false);
            } catch (ReaderException e) {
                throw CliException.unavailable(e.problem().message() + e.problem().nextStep() + " (" + e.getMessage() + ")");
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
