package jp.mynadesk.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import jp.mynadesk.screen.web.WebDesk;
import jp.mynadesk.station.Station;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.virtualcard.CardProfiles;

/**
 * The desk in a browser (issue "The desk in a browser", done-when): from the patient's last PIN digit — the POST
 * the patient page sends on the fourth digit — to the staff page's event stream carrying the confirmed insurance.
 * One JVM: virtual card, in-process service, SQLite record, the web pages on loopback; a program stands in for
 * both browsers, so page rendering (a few ms in Chromium) is not in the figure.
 */
public final class WebBench {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private WebBench() {}

    public static BenchReport run(int rounds, int checksPerRound, PrintWriter progress) throws Exception {
        BenchReport report = new BenchReport("desk in a browser (virtual card, in-process service, loopback HTTP + SSE)");
        Path dir = Files.createTempDirectory("mynadesk-web-bench");
        Clock clock = Station.standingAt(Clock.systemUTC(),
                LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant());
        Station.Setup setup = new Station.Setup(CardProfiles.resolve("default"), null, false, null, null,
                new DataDirectory(dir, true), null, clock, null, null, null, null);
        try (Station station = Station.open(setup); WebDesk web = WebDesk.start(station, new WebDesk.Options("127.0.0.1", 0))) {
            WebDeskClient staff = new WebDeskClient(java.net.URI.create("http://127.0.0.1:" + web.port() + "/"));
            staff.session();
            WebDeskClient patient = new WebDeskClient(staff.base());
            patient.session();
            BlockingQueue<WebDeskClient.Event> events = staff.listen("/api/staff/events");
            for (int i = 0; i < checksPerRound; i++) { // warm-up: JIT, keys, connections
                once(staff, patient, events);
            }
            double[] medians = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double[] ms = new double[checksPerRound];
                for (int i = 0; i < checksPerRound; i++) {
                    ms[i] = once(staff, patient, events);
                }
                Arrays.sort(ms);
                medians[r] = ms[ms.length / 2];
                progress.println("  last PIN digit → staff page round " + (r + 1) + ": median " + String.format("%.1f", medians[r]) + " ms");
            }
            report.add("last PIN digit to outcome on the staff page, median", "ms", medians, BenchReport.Target.atMost(100));
        }
        return report;
    }

    /** One check; the time from sending the PIN to the staff stream's confirmed insurance, in ms. */
    private static double once(WebDeskClient staff, WebDeskClient patient, BlockingQueue<WebDeskClient.Event> events) throws Exception {
        expect(staff.post("/api/staff/start", "{\"mode\":\"pin\"}"), "start");
        if (WebDeskClient.await(events, "desk", d -> d.path("phase").asText().equals("pin") && !d.path("busy").asBoolean(), WAIT) == null) {
            throw new IllegalStateException("the staff page never saw the PIN prompt");
        }
        long t0 = System.nanoTime();
        Thread sender = new Thread(() -> {
            try {
                patient.post("/api/patient/pin", "{\"pin\":\"1234\"}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();
        WebDeskClient.Event seen = WebDeskClient.await(events, "desk",
                d -> d.path("phase").asText().equals("consent") && !d.path("busy").asBoolean(), WAIT);
        sender.join();
        if (seen == null) {
            throw new IllegalStateException("the staff page never saw the outcome");
        }
        double ms = (seen.receivedNanos() - t0) / 1e6;
        expect(patient.post("/api/patient/consent", "{\"answers\":{\"diagnosis\":true,\"drug\":false,\"checkup\":false,\"surgery\":false}}"), "consent");
        expect(staff.post("/api/staff/clear", "{}"), "clear");
        return ms;
    }

    private static void expect(WebDeskClient.Answer a, String what) {
        if (a.status() != 200) {
            throw new IllegalStateException(what + " answered " + a.status() + " " + a.body());
        }
    }
}
