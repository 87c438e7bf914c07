package jp.mynadesk.oqs;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.HolderCertificates;
import jp.mynadesk.pki.HolderSpec;
import jp.mynadesk.pki.TestCa;

/**
 * Measures, in one run on this machine: qualification queries per second over keep-alive HTTP, p99 latency at an
 * offered 500 requests/s (open loop: latency counted from each request's scheduled time), card verifications per
 * second (challenge + signature + check), and how long the client takes to declare the service offline under each
 * fault. Not a test: run {@code java -cp … jp.mynadesk.oqs.OqsBench} or call {@link #run(PrintStream)}.
 */
public final class OqsBench {
    /** The figures of one run. */
    public record Figures(double queriesPerSecond, double p50Millis, double p99Millis, double offeredRate,
                          double achievedRate, double cardChecksPerSecond, Map<String, Long> offlineMillis) {}

    private static final QualificationRequest QUERY = new QualificationRequest("20260415", "1311111111", "BENCH",
            new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "1", "pt"));

    private OqsBench() {}

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /** Runs every measurement and prints a short report; returns the figures. */
    public static Figures run(PrintStream out) throws Exception {
        Clock clock = Clock.systemUTC();
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock))) {
            OqsClient client = OqsClient.builder(server.uri()).clock(clock).requestTimeout(Duration.ofSeconds(2)).build();
            out.println("OQS mock benchmark (" + Runtime.getRuntime().availableProcessors() + " CPUs, " + server.uri() + ")");
            throughput(client, 8, Duration.ofSeconds(5)); // warm-up: JIT (C2 on 2 loaded cores takes a while), connections
            double qps = throughput(client, 8, Duration.ofSeconds(5));
            out.printf("qualification queries (keep-alive, 8 threads): %.0f /s (target >= 3000)%n", qps);
            double[] lat = openLoop(client, 500, Duration.ofSeconds(6));
            out.printf("latency at offered %.0f req/s (achieved %.0f): p50 %.2f ms, p99 %.2f ms (target <= 20 ms)%n",
                    500.0, lat[2], lat[0], lat[1]);
            double cards = cardChecks(client, 4, Duration.ofSeconds(4));
            out.printf("card verifications (challenge + RSA-2048 signature + check, 4 threads): %.0f /s%n", cards);
            Map<String, Long> offline = offlineTimes(out);
            return new Figures(qps, lat[0], lat[1], 500, lat[2], cards, offline);
        }
    }

    private static double throughput(OqsClient client, int threads, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (client.query(QUERY).isOk()) {
                        done.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " queries failed during the throughput run");
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Open loop at {@code rate}/s: each request has a scheduled send time; latency = completion − schedule. */
    private static double[] openLoop(OqsClient client, int rate, Duration length) throws Exception {
        int total = (int) (rate * length.toSeconds());
        long[] latencies = new long[total];
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * periodNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            final int index = i;
            futures.add(pool.submit(() -> {
                if (!client.query(QUERY).isOk()) {
                    failures.incrementAndGet();
                }
                latencies[index] = System.nanoTime() - scheduled;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new double[] {latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6, total / seconds};
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
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    Challenge c = client.challenge().ok().orElseThrow();
                    OqsResult<QualificationResponse> r = client.checkCard(CardCheckRequest.pin("20260415", "1311111111",
                            "B", der, c.challengeId(), sign(key, c.nonce()), "BENCH"));
                    if (r.ok().map(QualificationResponse::confirmed).orElse(false)) {
                        done.incrementAndGet();
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
    private static Map<String, Long> offlineTimes(PrintStream out) throws IOException {
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
        Map<String, Long> result = new LinkedHashMap<>();
        out.println("time until the client declares the service OFFLINE (default client settings):");
        for (Map.Entry<String, FaultPlan.Rule> e : faults.entrySet()) {
            try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0).faults(new FaultPlan(7L, List.of(e.getValue()))))) {
                result.put(e.getKey(), timeToOffline(OqsClient.builder(server.uri()).build(), out, e.getKey()));
            }
        }
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0))) {
            OqsClient client = OqsClient.builder(server.uri()).build();
            client.health();
            server.close();
            result.put("service stopped (connection refused)", timeToOffline(client, out, "service stopped (connection refused)"));
        }
        return result;
    }

    private static long timeToOffline(OqsClient client, PrintStream out, String label) {
        long start = System.nanoTime();
        int calls = 0;
        while (!client.offline() && calls < 20) {
            client.query(QUERY);
            calls++;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (client.offline()) {
            out.printf("  %-42s %6d ms (%d call%s)%n", label, ms, calls, calls == 1 ? "" : "s");
            return ms;
        }
        out.printf("  %-42s stays ONLINE (answers are business errors, not outages)%n", label);
        return -1;
    }

}
