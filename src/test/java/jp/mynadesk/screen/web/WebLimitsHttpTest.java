package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynadesk.bench.WebDeskClient;
import jp.mynadesk.oqs.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The web server's limits (docs/WEB.md §1.2–§1.4) under floods sent by hand: chunked bodies, sessions, event
 * streams, connections from the LAN, trickled headers. Counts are asserted; times and memory are printed, not
 * asserted (the machine is shared). The web server's clock is moved by hand; nothing sleeps.
 */
@Tag("slow") // load loops
class WebLimitsHttpTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long MB = 1L << 20;

    // --- bodies -----------------------------------------------------------------------------------------------------

    @Test
    void theLimitedStreamReadsAtMostOneBytePastItsLimit() {
        Endless endless = new Endless();
        BodyLimit.LimitedStream in = new BodyLimit.LimitedStream(endless, 4096);
        assertThrows(BodyLimit.TooLarge.class, in::readAllBytes);
        assertTrue(endless.pulled <= 4097, "pulled " + endless.pulled);
        assertEquals(WebLimits.PATIENT_BODY_BYTES, BodyLimit.limitFor("/api/patient/pin"));
        assertEquals(WebLimits.SCAN_BODY_BYTES, BodyLimit.limitFor("/api/staff/scan"));
        assertEquals(WebLimits.BODY_BYTES, BodyLimit.limitFor("/api/staff/start"));
    }

    @Test
    void chunkedAndDeclaredBodiesPastTheLimitGet413AndTheHeapStaysFlat() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            long before = usedAfterGc();
            RawHttp.Session staff;
            try (RawHttp c = new RawHttp(LOOPBACK, f.web.port())) {
                staff = c.session();
            }
            Chunked staffBody = chunked(f.web.port(), "/api/staff/start", staff, 50 * MB);
            assertEquals(413, staffBody.status, "50 MB chunked to a staff endpoint");
            Chunked patientBody = chunked(f.web.port(), "/api/patient/pair", staff, 50 * MB);
            assertEquals(413, patientBody.status, "50 MB chunked to a patient endpoint");
            try (RawHttp c = new RawHttp(LOOPBACK, f.web.port())) {
                c.write("POST /api/staff/start HTTP/1.1\r\nHost: " + c.host + "\r\nCookie: " + staff.cookie()
                        + "\r\nX-CSRF-Token: " + staff.csrf() + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + 50 * MB + "\r\n\r\n" + " ".repeat(64 << 10)); // Jetty dispatches once a body starts
                assertEquals(413, c.read().status(), "a declared 50 MB is refused at its start");
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<Chunked>> three = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                three.add(pool.submit(() -> chunked(f.web.port(), "/api/staff/documents", staff, 300 * MB)));
            }
            long sentByThree = 0;
            for (Future<Chunked> c : three) {
                Chunked r = c.get();
                assertEquals(413, r.status, "300 MB chunked, three at once");
                sentByThree += r.sent;
            }
            pool.shutdown();
            long after = usedAfterGc();
            System.out.printf("bodies: 50 MB chunked to a staff endpoint answered %d after the client got %.1f MB into"
                            + " the socket; to a patient endpoint %d after %.1f MB; three 300 MB at once: %.1f MB sent"
                            + " in all; heap after GC %.1f MB before, %.1f MB after%n",
                    staffBody.status, staffBody.sent / (double) MB, patientBody.status, patientBody.sent / (double) MB,
                    sentByThree / (double) MB, before / (double) MB, after / (double) MB);
            assertTrue(after - before < 64 * MB, "the heap grew by " + (after - before) / MB + " MB");
            assertTrue(staffBody.sent < 50 * MB && patientBody.sent < 50 * MB && sentByThree < 3 * 300 * MB,
                    "answered before the whole body was sent: the desk did not drain it");
            try (RawHttp c = new RawHttp(LOOPBACK, f.web.port())) {
                assertEquals(200, c.exchange("POST", "/api/staff/start", staff, "{\"mode\":\"pin\"}").status(),
                        "a body within the limit still works");
            }
        }
    }

    private record Chunked(int status, long sent) {}

    /** Posts {@code total} bytes of chunked JSON-ish filler while reading the answer; stops writing when it comes. */
    private static Chunked chunked(int port, String path, RawHttp.Session s, long total) throws Exception {
        try (RawHttp c = new RawHttp(LOOPBACK, port)) {
            c.write("POST " + path + " HTTP/1.1\r\nHost: " + c.host + "\r\nCookie: " + s.cookie() + "\r\nX-CSRF-Token: "
                    + s.csrf() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 << 10];
                java.util.Arrays.fill(chunk, (byte) ' ');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    OutputStream out = c.out;
                    while (sent.get() < total && !Thread.currentThread().isInterrupted()) {
                        out.write(size);
                        out.write(chunk);
                        out.write(new byte[] {'\r', '\n'});
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the desk closed the connection: what was sent is counted
                }
            }, "chunked-writer");
            writer.setDaemon(true);
            writer.start();
            int status = c.read().status();
            writer.interrupt();
            return new Chunked(status, sent.get());
        }
    }

    // --- sessions ---------------------------------------------------------------------------------------------------

    @Test
    void sessionsExpireWhenIdleUnlessListeningAndAfterADayInAnyCase() {
        MutableClock clock = MutableClock.jst("2026-12-01T09:00");
        SessionTable t = new SessionTable(clock, 10);
        Guard.Session idle = session(clock, false, false);
        Guard.Session listening = session(clock, false, false);
        listening.streams.incrementAndGet();
        t.put("idle", idle);
        t.put("listening", listening);
        clock.advance(WebLimits.SESSION_IDLE.minusSeconds(1));
        assertSame(idle, t.get("idle"), "used just in time: idle starts again");
        clock.advance(WebLimits.SESSION_IDLE);
        assertNull(t.get("idle"), "unused for the idle time-out");
        assertSame(listening, t.get("listening"), "a session with a stream open is not idle");
        clock.advance(WebLimits.SESSION_LIFETIME);
        assertNull(t.get("listening"), "no session outlives its lifetime");
        assertEquals(0, t.size());
    }

    @Test
    void aFullTableDropsAnUnpairedSessionFromTheLanFirstAndTheStaffsLast() {
        MutableClock clock = MutableClock.jst("2026-12-01T09:00");
        SessionTable t = new SessionTable(clock, 3);
        Guard.Session staff = session(clock, false, false);
        Guard.Session tablet = session(clock, true, true);
        Guard.Session stranger = session(clock, true, false);
        t.put("staff", staff);
        t.put("tablet", tablet);
        t.put("stranger", stranger);
        t.put("another", session(clock, true, false));
        assertNull(t.get("stranger"), "the unpaired LAN session went first");
        assertSame(staff, t.get("staff"));
        assertSame(tablet, t.get("tablet"));
        assertEquals(3, t.size());
    }

    private static Guard.Session session(MutableClock clock, boolean lan, boolean paired) {
        Guard.Session s = new Guard.Session("csrf", clock.instant(), lan);
        s.paired = paired;
        return s;
    }

    @Test
    void aSessionFloodFromTheLanIsCappedAndTheStaffAndTabletKeepTheirs() throws Exception {
        List<InetAddress> lan = RawHttp.lanAddresses();
        assumeFalse(lan.isEmpty(), "this machine has no address but loopback");
        try (WebFixture f = new WebFixture("default", "0.0.0.0");
             RawHttp staffConn = new RawHttp(LOOPBACK, portOf(f));
             RawHttp tabletConn = new RawHttp(lan.get(0), portOf(f))) {
            RawHttp.Session staff = staffConn.session();
            RawHttp.Session tablet = tabletConn.session();
            assertEquals(200, tabletConn.exchange("POST", "/api/patient/pair", tablet,
                    "{\"code\":\"" + f.web.pairingCode() + "\"}").status());
            long before = usedAfterGc();
            long started = System.nanoTime();
            AtomicLong made = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    try (RawHttp c = new RawHttp(lan.get(0), portOf(f))) {
                        for (int i = 0; i < 1000; i++) {
                            c.session();
                            made.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            long after = usedAfterGc();
            int kept = f.web.guard().sessionCount();
            System.out.printf("sessions: %d made from the LAN in %.1f s (%.0f/s); %d kept; heap after GC %.1f MB before,"
                    + " %.1f MB after%n", made.get(), seconds, made.get() / seconds, kept, before / (double) MB, after / (double) MB);
            assertTrue(kept <= WebLimits.SESSIONS, kept + " sessions kept");
            assertEquals(200, staffConn.exchange("POST", "/api/staff/start", staff, "{\"mode\":\"pin\"}").status(),
                    "the staff's session outlived the flood");
            assertTrue(tabletConn.exchange("GET", "/api/session", tablet, null).json().path("paired").asBoolean(),
                    "the paired tablet's session outlived the flood");

            f.webClock.advance(WebLimits.SESSION_IDLE);
            try (RawHttp c = new RawHttp(lan.get(0), portOf(f))) {
                c.session();
            }
            System.out.printf("sessions: %d left after %s unused%n", f.web.guard().sessionCount(), WebLimits.SESSION_IDLE);
            assertEquals(1, f.web.guard().sessionCount(), "every unused session expired; one new one");
        }
    }

    private static int portOf(WebFixture f) {
        return f.web.port();
    }

    // --- event streams ----------------------------------------------------------------------------------------------

    @Test
    void eventStreamsAreCappedPerAudienceAndTheStaffIsStillServedQuickly() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            RawHttp.Session s;
            try (RawHttp c = new RawHttp(LOOPBACK, f.web.port())) {
                s = c.session();
            }
            double quietMillis = staffStartAndCancel(f); // also warms the card and service code up
            quietMillis = staffStartAndCancel(f);
            long before = usedAfterGc();
            long started = System.nanoTime();
            Map<String, Map<Integer, AtomicLong>> answers = new ConcurrentHashMap<>();
            List<RawHttp> open = new ArrayList<>();
            try {
                for (String path : List.of("/api/staff/events", "/api/patient/events")) {
                    for (int i = 0; i < 300; i++) {
                        RawHttp c = new RawHttp(LOOPBACK, f.web.port());
                        open.add(c);
                        c.write("GET " + path + " HTTP/1.1\r\nHost: " + c.host + "\r\nCookie: " + s.cookie()
                                + "\r\nAccept: text/event-stream\r\n\r\n");
                        int status = c.read().status();
                        answers.computeIfAbsent(path, p -> new ConcurrentHashMap<>())
                                .computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double staffMillis = staffStartAndCancel(f);
                long after = usedAfterGc();
                System.out.printf("streams: 300 staff and 300 patient opened in %.1f s: %s; a staff start and cancel"
                                + " then took %.0f ms (%.0f ms before the flood); heap after GC %.1f MB before, %.1f MB"
                                + " after%n", seconds, answers, staffMillis, quietMillis, before / (double) MB, after / (double) MB);
                assertEquals(WebLimits.STAFF_STREAMS, answers.get("/api/staff/events").get(200).get());
                assertEquals(300 - WebLimits.STAFF_STREAMS, answers.get("/api/staff/events").get(503).get());
                assertEquals(WebLimits.PATIENT_STREAMS, answers.get("/api/patient/events").get(200).get());
                assertEquals(WebLimits.STAFF_STREAMS, f.web.streams().count(EventHub.Audience.STAFF));
                assertEquals(WebLimits.PATIENT_STREAMS, f.web.streams().count(EventHub.Audience.PATIENT));
            } finally {
                for (RawHttp c : open) {
                    c.close();
                }
            }
            // Pages closed without a word free their places when the heartbeat's write fails (here beaten by hand).
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int beats = 0;
            while (f.web.streams().count(EventHub.Audience.STAFF) + f.web.streams().count(EventHub.Audience.PATIENT) > 0
                    && System.nanoTime() < deadline) {
                f.web.streams().beat();
                beats++;
                Thread.sleep(10);
            }
            System.out.printf("streams: closed pages noticed after %d heartbeats%n", beats);
            assertEquals(0, f.web.streams().count(EventHub.Audience.STAFF), "closed streams gave their places back");
            assertEquals(0, f.web.streams().count(EventHub.Audience.PATIENT));
            WebDeskClient staff = f.client();
            assertNotNull(staff.listen("/api/staff/events"), "and a new page may listen");
        }
    }

    /** A PIN check started and cancelled from the staff page, back to idle; the milliseconds it took. */
    private static double staffStartAndCancel(WebFixture f) throws Exception {
        WebDeskClient staff = f.client();
        long t0 = System.nanoTime();
        assertEquals(200, staff.post("/api/staff/start", "{\"mode\":\"pin\"}").status());
        assertEquals(200, staff.post("/api/staff/cancel", "{}").status());
        double millis = (System.nanoTime() - t0) / 1e6;
        assertEquals(200, staff.post("/api/staff/clear", "{}").status());
        return millis;
    }

    // --- connections and headers ------------------------------------------------------------------------------------

    @Test
    void connectionsFromTheLanAreCappedTheStaffIsServedAndSilentOnesEndAtTheHeaderTimeout() throws Exception {
        List<InetAddress> lan = RawHttp.lanAddresses();
        assumeFalse(lan.isEmpty(), "this machine has no address but loopback");
        try (WebFixture f = new WebFixture("default", "0.0.0.0")) {
            long before = usedAfterGc();
            List<RawHttp> flood = new ArrayList<>();
            try {
                long started = System.nanoTime();
                for (int i = 0; i < 500; i++) {
                    flood.add(new RawHttp(lan.get(i % lan.size()), f.web.port()));
                }
                ConnectionGuard g = f.web.connections();
                awaitTrue(() -> g.lanConnections() + g.refused() >= 500);
                double seconds = (System.nanoTime() - started) / 1e9;
                int cap = Math.min(WebLimits.LAN_CONNECTIONS, lan.size() * WebLimits.LAN_CONNECTIONS_PER_ADDRESS);
                WebDeskClient staff = f.client();
                long t0 = System.nanoTime();
                assertEquals(200, staff.get("/api/staff/state").status(), "the staff page answers during the flood");
                double staffMillis = (System.nanoTime() - t0) / 1e6;
                long after = usedAfterGc();
                System.out.printf("connections: 500 from %d LAN address(es) in %.1f s: %d kept, %d closed at once; the"
                                + " staff state answered in %.0f ms; heap after GC %.1f MB before, %.1f MB after%n",
                        lan.size(), seconds, g.lanConnections(), g.refused(), staffMillis, before / (double) MB, after / (double) MB);
                assertEquals(cap, g.lanConnections());
                assertEquals(500 - cap, g.refused());

                f.webClock.advance(WebLimits.HEADER_TIMEOUT);
                awaitTrue(() -> g.lanConnections() == 0);
                System.out.printf("connections: %d closed for no request within %s%n", g.timedOut(), WebLimits.HEADER_TIMEOUT);
                assertEquals(0, g.lanConnections(), "silent connections end at the header time-out");
                try (RawHttp c = new RawHttp(lan.get(0), f.web.port())) {
                    assertEquals(200, c.exchange("GET", "/api/session", null, null).status(), "and the LAN is served again");
                }
            } finally {
                for (RawHttp c : flood) {
                    c.close();
                }
            }
        }
    }

    @Test
    void aTrickledHeaderIsClosedAfterTheHeaderTimeout() throws Exception {
        try (WebFixture f = new WebFixture("default"); RawHttp slow = new RawHttp(LOOPBACK, f.web.port());
             RawHttp busy = new RawHttp(LOOPBACK, f.web.port())) {
            slow.write("GET /api/session HTTP/1.1\r\nHost: " + slow.host + "\r\n");
            byte[] trickle = "X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII);
            long virtualSeconds = 0;
            boolean closed = false;
            for (int i = 0; i < 600 && !closed; i++) {
                try {
                    slow.out.write(trickle[i % trickle.length]);
                    slow.out.flush();
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                f.webClock.advance(Duration.ofSeconds(1));
                virtualSeconds++;
                closed = slow.closedWithin(50);
                assertEquals(200, busy.exchange("GET", "/api/session", null, null).status(),
                        "a connection asking once a second keeps going on the same socket");
            }
            System.out.printf("slow header: closed after %d s of the web clock, a byte sent each second (%d closed for"
                    + " headers in all)%n", virtualSeconds, f.web.connections().timedOut());
            assertTrue(closed, "a header trickled a byte a second is closed");
            assertTrue(virtualSeconds >= WebLimits.HEADER_TIMEOUT.toSeconds(), "not before the header time-out");
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** Waits (at most a minute) for something the desk does on its own threads; the asserts after say if it did. */
    private static void awaitTrue(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A body that never ends, counting what was pulled from it. */
    private static final class Endless extends ServletInputStream {
        long pulled;

        @Override
        public int read() {
            pulled++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            pulled += len;
            return len;
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            // blocking only
        }
    }
}
