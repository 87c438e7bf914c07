package jp.mynadesk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationSearchInfo;

/**
 * How long one {@code query} with the desk's default client takes to give up against each hostile loopback server,
 * and the JVM's peak heap meanwhile (docs/OQS-MOCK.md quotes the table). Figures for people: the hostile-server tests
 * assert what each call ends in, never how long it took.
 */
final class HostileGiveUp {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T01:00:00Z"), ZoneOffset.UTC);
    private static final QualificationRequest QUERY = new QualificationRequest("20260415", "1311111111", "hostile-bench",
            new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "0", null));

    private HostileGiveUp() {}

    static void times(BenchReport report, PrintWriter progress) throws IOException {
        progress.println("time until one query gives up against hostile servers...");
        progress.flush();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        // first, so the one-off cost of loading the HTTP client's classes shows here and not in a stall's figure
        row(report, "connection refused (first call in the JVM)", URI.create("http://127.0.0.1:" + closed + "/"));
        Map<String, HostileHttpServer.Behaviour> cases = new LinkedHashMap<>();
        cases.put("silent after the request", HostileHttpServer.silent());
        cases.put("body stalls after headers", HostileHttpServer.stallAfterHeaders());
        cases.put("body trickles 1 byte/100 ms", HostileHttpServer.trickle(100));
        cases.put("endless chunked body", HostileHttpServer.endlessChunked());
        cases.put("endless body until close", HostileHttpServer.endlessUntilClose());
        cases.put("200 MB body (Content-Length)", HostileHttpServer.huge(200L * 1024 * 1024));
        cases.put("302 redirect", HostileHttpServer.redirect(302));
        cases.put("not HTTP", HostileHttpServer.garbage());
        for (var c : cases.entrySet()) {
            try (HostileHttpServer server = new HostileHttpServer(c.getValue())) {
                row(report, c.getKey(), server.uri());
            }
        }
        row(report, "connection refused", URI.create("http://127.0.0.1:" + closed + "/"));
    }

    private static void row(BenchReport report, String name, URI uri) {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        OqsResult<?> r = OqsClient.create(uri, CLOCK).query(QUERY);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        report.add("hostile server gives up: " + name + " (" + r.getClass().getSimpleName() + ")", "ms", new double[] {ms}, null);
        report.note("hostile server " + name + ": peak heap " + peakHeapMb() + " MB");
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }
}
