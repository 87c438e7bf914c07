package jp.mynadesk.oqs.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.OqsResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measures how long the desk's default client takes to give up on each hostile behaviour, and the peak heap while it
 * does, and prints the table (docs/OQS-MOCK.md quotes it). The assertion is only that no call succeeds; the figures
 * are for people, since timings on a shared machine are not a pass/fail criterion.
 */
class GiveUpTimesTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void printGiveUpTable() throws Exception {
        Map<String, HostileHttpServer.Behaviour> cases = new LinkedHashMap<>();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        StringBuilder table = new StringBuilder("| hostile behaviour | query gives up after | result | peak heap |\n|---|---|---|---|\n");
        // first, so the one-off cost of loading the HTTP client's classes shows here and not in a stall's figure
        row(table, "connection refused (first call in the JVM)", URI.create("http://127.0.0.1:" + closed + "/"));
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
                row(table, c.getKey(), server.uri());
            }
        }
        row(table, "connection refused", URI.create("http://127.0.0.1:" + closed + "/"));
        System.out.println(table);
    }

    private static void row(StringBuilder table, String name, URI uri) {
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        OqsResult<?> r = OqsClient.create(uri, HostileServerClientTest.CLOCK).query(HostileServerClientTest.QUERY);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(r.isOk(), name);
        table.append("| ").append(name).append(" | ").append(ms).append(" ms | ")
                .append(r.getClass().getSimpleName()).append(" | ").append(peakHeapMb()).append(" MB |\n");
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == java.lang.management.MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }
}
