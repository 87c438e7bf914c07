package jp.mynadesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import jp.mynadesk.bench.BenchReport.Target;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.oqs.server.RegistryGenerator;

/**
 * A generated registry of N people loaded in a fresh child JVM (so that its resident memory is the registry's, not
 * the generator's): time until ready, resident set after the load and at its peak, and the lookup p99 by 保険者番号・
 * 記号・番号 and by card, against the same lookups on the built-in JSON registry in the same process.
 */
public final class RegistryBench {
    static final Target READY_SECONDS = Target.atMost(3);
    static final Target RESIDENT_MB = Target.atMost(1024);
    private static final long SEED = 1;
    private static final int QUERIES = 200_000;

    private RegistryBench() {}

    public static BenchReport run(int people, int rounds, String java, Path workDir) throws IOException, InterruptedException {
        Path file = workDir.resolve("registry-" + people + ".lines");
        long genStart = System.nanoTime();
        RegistryGenerator.write(file, people, SEED);
        double genSeconds = (System.nanoTime() - genStart) / 1e9;
        BenchReport report = new BenchReport("registry of " + String.format("%,d", people) + " people (lines format, child JVM)");
        report.note(String.format("generated %,d bytes in %.1f s; %d lookups a round from random people", Files.size(file), genSeconds, QUERIES));
        double[][] figures = new double[9][rounds];
        for (int r = 0; r < rounds; r++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                    file.toString(), String.valueOf(people)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (p.waitFor() != 0) {
                throw new IOException("the registry probe failed: " + line);
            }
            double[] values = Arrays.stream(line.split(" ")).mapToDouble(Double::parseDouble).toArray();
            for (int f = 0; f < figures.length; f++) {
                figures[f][r] = values[f];
            }
        }
        Files.delete(file);
        report.add("ready (stream + index), wall time", "s", figures[0], READY_SECONDS);
        report.add("ready, CPU time of the loading thread (what a busy machine does not inflate)", "s", figures[1], null);
        report.add("resident after the load (VmRSS)", "MB", figures[2], RESIDENT_MB);
        report.add("resident peak (VmHWM)", "MB", figures[3], null);
        report.add("lookup by numbers p99, lines format", "us", figures[4], null);
        report.add("lookup by card p99, lines format", "us", figures[5], null);
        report.add("lookup by numbers p99, built-in JSON registry (baseline)", "us", figures[6], null);
        report.add("service query p99 at 500 req/s, random people of this registry (median of 3 interleaved rounds, both warm)", "ms", figures[7], null);
        report.add("service query p99 at 500 req/s, built-in registry (baseline, same rounds)", "ms", figures[8], null);
        return report;
    }

    /** The child: loads, measures, prints nine numbers on one line. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            int people = Integer.parseInt(args[1]);
            long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long start = System.nanoTime();
            InsuredRegistry registry = InsuredRegistry.load(file);
            double ready = (System.nanoTime() - start) / 1e9;
            double readyCpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double rss = status("VmRSS:");
            SplittableRandom random = new SplittableRandom(42);
            long[] byNumbers = new long[QUERIES];
            long[] byCard = new long[QUERIES];
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                for (int i = 0; i < QUERIES; i++) {
                    InsuredRegistry.Person p = RegistryGenerator.person(SEED, random.nextInt(people));
                    InsuredRegistry.Qualification q = p.qualifications().get(0);
                    QualificationSearchInfo info = new QualificationSearchInfo(q.insurerNumber(), q.symbol(), q.number(), "", "", "", "");
                    long t = System.nanoTime();
                    if (registry.byNumbers(info, p.birthdate()).size() != 1) {
                        throw new IllegalStateException("person " + p.id() + " not found by numbers");
                    }
                    byNumbers[i] = System.nanoTime() - t;
                    String card = RegistryGenerator.cardCn(SEED, random.nextInt(people));
                    t = System.nanoTime();
                    registry.byCard(card);
                    byCard[i] = System.nanoTime() - t;
                }
            }
            double hwm = status("VmHWM:");
            InsuredRegistry builtIn = InsuredRegistry.builtIn();
            QualificationSearchInfo seed = new QualificationSearchInfo("01130012", "12345678", "1", "", "", "", "");
            long[] baseline = new long[QUERIES];
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < QUERIES; i++) {
                    long t = System.nanoTime();
                    builtIn.byNumbers(seed, java.time.LocalDate.of(1989, 5, 10));
                    baseline[i] = System.nanoTime() - t;
                }
            }
            List<byte[]> bodies = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                InsuredRegistry.Person p = RegistryGenerator.person(SEED, random.nextInt(people));
                InsuredRegistry.Qualification q = p.qualifications().get(0);
                bodies.add(query(new QualificationSearchInfo(q.insurerNumber(), q.symbol(), q.number(), "00",
                        p.birthdate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), "1", "bench")));
            }
            double[] service = serviceP99(registry, bodies, builtIn, List.of(query(new QualificationSearchInfo("01130012",
                    "12345678", "1", "00", "19890510", "1", "bench"))));
            double large = service[0];
            double small = service[1];
            System.out.println(ready + " " + readyCpu + " " + rss + " " + hwm + " " + p99us(byNumbers) + " " + p99us(byCard) + " " + p99us(baseline)
                    + " " + large + " " + small);
        }

        private static byte[] query(QualificationSearchInfo info) {
            return jp.mynadesk.oqs.OqsXml.write(new jp.mynadesk.oqs.QualificationRequest("20260415", RegistryGenerator.INSTITUTION,
                    "BENCH", info));
        }

        /**
         * Open loop at 500 req/s over 8 raw connections, the same for both registries: both services are warmed up
         * first (3 s each), then measured in {@link #SERVICE_PAIRS} interleaved 3 s rounds, large then built-in; each
         * figure is the median of its rounds. Measuring the large registry first and alone made it pay for the JIT
         * compiling the HTTP and XML path (the first 3 s round in a JVM had a p99 of 350 ms, later ones 4 ms, with
         * either registry), and one stall of a loaded machine decides a single round's p99.
         */
        private static double[] serviceP99(InsuredRegistry large, List<byte[]> largeBodies, InsuredRegistry small,
                                           List<byte[]> smallBodies) throws Exception {
            try (jp.mynadesk.oqs.server.OqsServer largeServer = jp.mynadesk.oqs.server.OqsServer.start(
                    jp.mynadesk.oqs.server.OqsServer.Config.defaults().port(0).registry(large));
                 jp.mynadesk.oqs.server.OqsServer smallServer = jp.mynadesk.oqs.server.OqsServer.start(
                    jp.mynadesk.oqs.server.OqsServer.Config.defaults().port(0).registry(small));
                 HttpLoad largeLoad = new HttpLoad(largeServer.uri(), "/oqs/qualification", largeBodies, 8);
                 HttpLoad smallLoad = new HttpLoad(smallServer.uri(), "/oqs/qualification", smallBodies, 8)) {
                largeLoad.openLoop(500, 1500);
                smallLoad.openLoop(500, 1500);
                double[] largeP99 = new double[SERVICE_PAIRS];
                double[] smallP99 = new double[SERVICE_PAIRS];
                for (int i = 0; i < SERVICE_PAIRS; i++) {
                    largeP99[i] = measured(largeLoad.openLoop(500, 1500));
                    smallP99[i] = measured(smallLoad.openLoop(500, 1500));
                }
                return new double[] {median(largeP99), median(smallP99)};
            }
        }

        private static final int SERVICE_PAIRS = 3;

        private static double measured(HttpLoad.Result r) {
            if (r.failed() > 0) {
                throw new IllegalStateException(r.failed() + " service queries failed");
            }
            return p99us(r.latencyNanos()) / 1e3;
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        private static double p99us(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e3;
        }

        /** A /proc/self/status field in MB. */
        private static double status(String field) throws IOException {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
            for (String l : lines) {
                if (l.startsWith(field)) {
                    return Long.parseLong(l.substring(field.length()).strip().split("\\s+")[0]) / 1024.0;
                }
            }
            return Double.NaN;
        }
    }
}
