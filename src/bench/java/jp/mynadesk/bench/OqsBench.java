package jp.mynadesk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynadesk.bench.BenchReport.Target;
import jp.mynadesk.oqs.Challenge;
import jp.mynadesk.oqs.CardCheckRequest;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.OqsXml;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.HolderCertificates;
import jp.mynadesk.pki.HolderSpec;
import jp.mynadesk.pki.TestCa;

/**
 * The mock online service, measured from outside its client: service capacity with {@link HttpLoad} (raw keep-alive
 * sockets, so the generator is not the bottleneck), latency at an offered rate in an open loop, what the generator
 * and the service each spend in CPU per request, and apart from that what the desk's own {@code OqsClient} reaches
 * (client cost: Java HTTP client + XML both ways). Then card verifications/s and the time until the client
 * declares the service offline under each fault. Every figure is the median of its rounds after a warm-up.
 */
public final class OqsBench {
    /** How long and how hard; {@link #defaults()} are what {@code bench --oqs} uses. */
    public record Settings(int connections, int rounds, Duration warmup, Duration round, int offeredRate) {
        public static Settings defaults() {
            return new Settings(8, 5, Duration.ofSeconds(8), Duration.ofSeconds(3), 500);
        }
    }

    /** Targets printed with the figures (bench/package-info.java). */
    static final Target CAPACITY = Target.atLeast(3000);
    static final Target P99_AT_OFFERED = Target.atMost(20);
    /** Within 20 % of an external generator's figure on the same run. */
    static final Target AGREES_WITH_EXTERNAL = Target.atLeast(0.8);

    private static final QualificationRequest QUERY = new QualificationRequest("20260415", "1311111111", "BENCH",
            new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "1", "pt"));

    private OqsBench() {}

    /** Runs every measurement against an in-process service on a free port. */
    public static BenchReport run(Settings s, PrintWriter progress) throws Exception {
        Clock clock = Clock.systemUTC();
        BenchReport report = new BenchReport("OQS mock service (" + Runtime.getRuntime().availableProcessors() + " CPUs)");
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock))) {
            OqsClient client = OqsClient.builder(server.uri()).clock(clock).requestTimeout(Duration.ofSeconds(2)).build();
            if (!client.query(QUERY).isOk()) {
                throw new IllegalStateException("the benchmark query is not answered with a qualification");
            }
            report.note("generator: " + s.connections() + " raw keep-alive connections, one thread each, request encoded once; "
                    + "warm-up " + s.warmup().toSeconds() + " s, " + s.rounds() + " rounds of " + s.round().toSeconds() + " s");
            serviceFigures(server.uri(), s, report, progress);
            clientFigures(client, s, report, progress);
            progress.println("card verifications...");
            progress.flush();
            double[] cards = new double[Math.max(1, s.rounds() / 2)];
            cardChecks(client, 4, s.round());
            for (int i = 0; i < cards.length; i++) {
                cards[i] = cardChecks(client, 4, s.round());
            }
            report.add("card verifications (challenge + RSA-2048 signature + check, 4 threads)", "/s", cards, null);
        }
        offlineTimes(report, progress);
        return report;
    }

    private static void serviceFigures(URI uri, Settings s, BenchReport report, PrintWriter progress) throws Exception {
        byte[] body = OqsXml.write(QUERY);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (HttpLoad load = new HttpLoad(uri, "/oqs/qualification", List.of(body), s.connections())) {
            progress.println("warm-up (JIT, connections)...");
            progress.flush();
            check(load.closedLoop(s.warmup().toNanos()));
            double[] capacity = new double[s.rounds()];
            double[] generatorCpu = new double[s.rounds()];
            double[] serviceCpu = new double[s.rounds()];
            Path work = Files.createTempDirectory("mynadesk-oqs-bench");
            Optional<ExternalLoad> wrk = ExternalLoad.wrk(body, work);
            double[] external = new double[s.rounds()];
            double[] ratio = new double[s.rounds()];
            for (int i = 0; i < s.rounds(); i++) {
                long cpuBefore = os.getProcessCpuTime();
                HttpLoad.Result r = check(load.closedLoop(s.round().toNanos()));
                long cpu = os.getProcessCpuTime() - cpuBefore;
                capacity[i] = r.perSecond();
                generatorCpu[i] = r.clientCpuNanos() / 1e3 / r.completed();
                serviceCpu[i] = (cpu - r.clientCpuNanos()) / 1e3 / r.completed();
                if (wrk.isPresent()) { // interleaved round by round, so that both see the same machine
                    external[i] = wrk.get().requestsPerSecond(uri.resolve("/oqs/qualification"), s.connections(),
                            (int) s.round().toSeconds());
                    ratio[i] = capacity[i] / external[i];
                }
            }
            if (wrk.isPresent()) {
                wrk.get().delete();
            }
            Files.delete(work);
            report.add("service capacity: qualification queries, " + s.connections() + " connections", "/s", capacity, CAPACITY);
            if (wrk.isPresent()) {
                report.add("external generator (wrk -t2 -c" + s.connections() + "), same service, interleaved rounds", "/s", external, null);
                report.add("  ... capacity / wrk (the generator is not the limit)", "x", ratio, AGREES_WITH_EXTERNAL);
            } else {
                report.note("wrk not on the PATH: no external cross-check this run");
            }
            report.add("service CPU per query (process CPU minus generator threads)", "us", serviceCpu, null);
            report.add("generator CPU per query (client cost of the load itself)", "us", generatorCpu, null);
            progress.println("open loop at " + s.offeredRate() + " req/s...");
            progress.flush();
            int count = (int) (s.offeredRate() * s.round().toSeconds());
            double[] p50 = new double[s.rounds()];
            double[] p99 = new double[s.rounds()];
            double[] achieved = new double[s.rounds()];
            for (int i = 0; i < s.rounds(); i++) {
                HttpLoad.Result r = check(load.openLoop(s.offeredRate(), count));
                long[] sorted = r.latencyNanos().clone();
                Arrays.sort(sorted);
                p50[i] = sorted[sorted.length / 2] / 1e6;
                p99[i] = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
                achieved[i] = r.perSecond();
            }
            report.add("achieved rate at offered " + s.offeredRate() + " req/s", "/s", achieved, null);
            report.add("latency p50 at offered " + s.offeredRate() + " req/s (from each request's due time)", "ms", p50, null);
            report.add("latency p99 at offered " + s.offeredRate() + " req/s (from each request's due time)", "ms", p99, P99_AT_OFFERED);
        }
    }

    private static HttpLoad.Result check(HttpLoad.Result r) {
        if (r.failed() > 0) {
            throw new IllegalStateException(r.failed() + " queries failed during the load");
        }
        return r;
    }

    /** The desk's client: java.net.http + XML encode and decode, same connections and rounds. */
    private static void clientFigures(OqsClient client, Settings s, BenchReport report, PrintWriter progress) throws Exception {
        progress.println("OqsClient (client cost)...");
        progress.flush();
        throughput(client, s.connections(), s.round());
        double[] rate = new double[s.rounds()];
        for (int i = 0; i < s.rounds(); i++) {
            rate[i] = throughput(client, s.connections(), s.round());
        }
        report.add("OqsClient queries, " + s.connections() + " threads (desk client: HTTP client + XML)", "/s", rate, null);
    }

    private static double throughput(OqsClient client, int threads, Duration length) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        double rate = perSecond(threads, length, () -> client.query(QUERY).isOk(), failures);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " queries failed during the client run");
        }
        return rate;
    }

    /**
     * {@code threads} threads each calling {@code once} again and again until {@code length} is over: the calls that
     * succeeded per second of the run; the ones that did not are counted in {@code failures}.
     */
    private static double perSecond(int threads, Duration length, Callable<Boolean> once, AtomicInteger failures)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (once.call()) {
                        done.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static double cardChecks(OqsClient client, int threads, Duration length) throws Exception {
        HolderCertificates card = new CardIssuer(TestCa.standard()).issue(new HolderSpec("profile:default",
                "UG04O23BF9CF3F3H8G9IUAS", java.time.LocalDate.of(2024, 6, 1), java.time.LocalDate.of(2029, 5, 10),
                java.time.LocalDate.of(2029, 5, 10), "協会 太郎", java.time.LocalDate.of(1989, 5, 10), "1", "東京都", false));
        byte[] der;
        try {
            der = card.authCertificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        PrivateKey key = card.authCardKey().getPrivate();
        return perSecond(threads, length, () -> {
            Challenge c = client.challenge().ok().orElseThrow();
            OqsResult<QualificationResponse> r = client.checkCard(CardCheckRequest.pin("20260415", "1311111111",
                    "B", der, c.challengeId(), sign(key, c.nonce()), "BENCH"));
            return r.ok().map(QualificationResponse::confirmed).orElse(false);
        }, new AtomicInteger());
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Default client settings (1 s per attempt, 2 retries, breaker 3 failures) against each fault. */
    private static void offlineTimes(BenchReport report, PrintWriter progress) throws IOException {
        Map<String, FaultPlan.Rule> faults = new LinkedHashMap<>();
        faults.put("hang past timeout", FaultPlan.Rule.hang(30_000));
        faults.put("latency 1.5 s (> timeout)", FaultPlan.Rule.latency(1500, 0));
        faults.put("HTTP 500", FaultPlan.Rule.status(500, null));
        faults.put("HTTP 503 Retry-After 600 (maintenance)", FaultPlan.Rule.status(503, 600L));
        faults.put("connection reset", FaultPlan.Rule.of("reset"));
        faults.put("empty body", FaultPlan.Rule.of("empty"));
        faults.put("malformed body", FaultPlan.Rule.of("malformed"));
        faults.put("failure rate 50%", FaultPlan.Rule.of("reset").rate(0.5));
        faults.put("SegmentOfResult 9", FaultPlan.Rule.segment9(null, null));
        progress.println("time until the client declares the service OFFLINE...");
        progress.flush();
        for (Map.Entry<String, FaultPlan.Rule> e : faults.entrySet()) {
            try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0).faults(new FaultPlan(7L, List.of(e.getValue()))))) {
                timeToOffline(OqsClient.builder(server.uri()).build(), report, e.getKey());
            }
        }
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0))) {
            OqsClient client = OqsClient.builder(server.uri()).build();
            client.health();
            server.close();
            timeToOffline(client, report, "service stopped (connection refused)");
        }
        HostileGiveUp.times(report, progress);
    }

    private static void timeToOffline(OqsClient client, BenchReport report, String label) {
        long start = System.nanoTime();
        int calls = 0;
        while (!client.offline() && calls < 20) {
            client.query(QUERY);
            calls++;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (client.offline()) {
            report.add("time to OFFLINE: " + label + " (" + calls + " call" + (calls == 1 ? "" : "s") + ")", "ms", new double[] {ms}, null);
        } else {
            report.note("time to OFFLINE: " + label + ": stays ONLINE (answers are business errors, not outages)");
        }
    }

}
