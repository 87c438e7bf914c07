package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynadesk.bench.WebDeskClient;
import jp.mynadesk.bench.WebDeskClient.Event;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.oqs.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Pairing a patient screen with a desk listening beyond loopback (docs/WEB.md §1.1): the rules on their own with a
 * clock moved by hand, then a desk bound to {@code 0.0.0.0} reached through this machine's own non-loopback
 * address, so that the desk sees the requests as coming from another machine on the LAN.
 */
class PairingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String A = "192.0.2.10";
    private static final String B = "192.0.2.11";
    private static final int GUESSES_PER_CONNECTION = 25;

    private static PairingGuard opened(MutableClock clock) {
        PairingGuard g = new PairingGuard(new SecureRandom(), clock);
        g.open();
        return g;
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void aWrongCodeKeepsTheCodeAndMakesThatAddressWaitLongerEachTime() {
        MutableClock clock = MutableClock.jst("2026-12-01T09:00");
        PairingGuard g = opened(clock);
        String code = g.code();
        PairingGuard.Attempt first = g.attempt(A, wrong(code));
        assertEquals(PairingGuard.Result.WRONG, first.result());
        assertEquals(Duration.ofSeconds(10), first.retryAfter());
        assertEquals(code, g.code(), "a wrong code never draws a new one");
        assertEquals(PairingGuard.Result.WAIT, g.attempt(A, code).result(), "the right code waits too: nothing compared");
        assertEquals(PairingGuard.Result.WAIT, g.attempt(B, wrong(code)).result(), "one comparison per second overall");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(PairingGuard.Result.WRONG, g.attempt(B, wrong(code)).result(), "another address, a second later");
        assertEquals(2, g.compared());

        clock.advance(Duration.ofSeconds(9));
        assertEquals(Duration.ofSeconds(20), g.attempt(A, wrong(code)).retryAfter());
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(40), g.attempt(A, wrong(code)).retryAfter());
        assertEquals(code, g.code());
    }

    @Test
    void theWaitOfOneAddressStopsAtTenMinutes() {
        MutableClock clock = MutableClock.jst("2026-12-01T09:00");
        PairingGuard g = opened(clock);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                g.open(); // staff open again before the lock, so the address keeps guessing
            }
            PairingGuard.Attempt a = g.attempt(A, wrong(g.code()));
            waits.add(a.retryAfter());
            clock.advance(a.retryAfter());
        }
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 600L, 600L, 600L, 600L, 600L, 600L),
                waits.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void fiveWrongCodesLockPairingUntilStaffOpenItAgain() {
        MutableClock clock = MutableClock.jst("2026-12-01T09:00");
        PairingGuard g = opened(clock);
        String code = g.code();
        List<PairingGuard.Result> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(g.attempt("192.0.2." + (20 + i), wrong(code)).result());
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of(PairingGuard.Result.WRONG, PairingGuard.Result.WRONG, PairingGuard.Result.WRONG,
                PairingGuard.Result.WRONG, PairingGuard.Result.LOCKED_NOW), results);
        assertTrue(g.view().locked());
        assertNull(g.code(), "a locked pairing shows no code");
        assertEquals(PairingGuard.Result.LOCKED, g.attempt(B, code).result(), "not even the right code");
        assertEquals(5, g.compared());

        String fresh = g.open().code();
        assertFalse(g.view().locked());
        assertEquals(PairingGuard.Result.PAIRED, g.attempt(B, fresh).result());
    }

    @Test
    void oneTabletPairsPerOpening() {
        MutableClock clock = MutableClock.jst("2026-12-01T09:00");
        PairingGuard g = opened(clock);
        String code = g.code();
        assertEquals(PairingGuard.Result.PAIRED, g.attempt(A, " " + code + " ").result());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(PairingGuard.Result.CLOSED, g.attempt(B, code).result(), "the code was used");
        assertNull(g.code());
        assertFalse(g.view().open());
    }

    @Test
    void aGuessingFloodFromTheLanGetsFiveCodesComparedAndTheTabletStillPairs() throws Exception {
        List<InetAddress> lan = RawHttp.lanAddresses();
        assumeFalse(lan.isEmpty(), "this machine has no address but loopback");
        InetAddress attacker = lan.get(0);
        try (WebFixture f = new WebFixture("default", "0.0.0.0")) {
            WebDeskClient staff = f.client();
            BlockingQueue<Event> staffEvents = staff.listen("/api/staff/events");
            assertNotNull(WebDeskClient.await(staffEvents, "pairing", d -> d.path("open").asBoolean(), WAIT));
            String code = f.web.pairingCode();

            Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
            long sent = 0;
            long started = System.nanoTime();
            int rounds = 0;
            while (!f.web.guard().pairingView().locked() && rounds < 10) {
                sent += flood(attacker, f.web.port(), code, answers);
                rounds++;
                if (!f.web.guard().pairingView().locked()) {
                    assertEquals(code, f.web.pairingCode(), "wrong codes never redraw the code on the staff page");
                }
                f.webClock.advance(WebLimits.PAIRING_BACKOFF_MAX); // every wait over: the next round may compare
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long compared = f.web.guard().pairingCodesCompared();
            System.out.printf("pairing flood from %s: %d guesses in %.1f s (%.0f/s sent) over %d rounds of %s virtual;"
                    + " %d compared (%.2f/s of wall time), answers %s%n", attacker.getHostAddress(), sent, seconds,
                    sent / seconds, rounds, WebLimits.PAIRING_BACKOFF_MAX, compared, compared / seconds, answers);
            assertTrue(f.web.guard().pairingView().locked(), "pairing locks after wrong codes");
            assertEquals(WebLimits.PAIRING_FAILURES_TO_LOCK, compared, "only five codes were ever compared");
            assertEquals(WebLimits.PAIRING_FAILURES_TO_LOCK, rounds, "one compared per round: the others waited");

            List<JsonNode> pairingEvents = new ArrayList<>();
            Event e;
            while ((e = WebDeskClient.await(staffEvents, "pairing", d -> true, Duration.ofMillis(500))) != null) {
                pairingEvents.add(e.data());
            }
            assertEquals(1, pairingEvents.size(), "the staff pages heard the lock and nothing else: " + pairingEvents);
            assertTrue(pairingEvents.get(0).path("locked").asBoolean());

            try (RawHttp late = new RawHttp(attacker, f.web.port())) {
                RawHttp.Session s = late.session();
                RawHttp.Response r = late.exchange("POST", "/api/patient/pair", s, "{\"code\":\"" + code + "\"}");
                assertEquals(403, r.status());
                assertEquals("pairing-locked", r.json().path("code").asText(), "locked: not even the right code");
            }

            JsonNode opened = staff.post("/api/staff/pairing", "{}").body().path("pairing");
            assertTrue(opened.path("open").asBoolean());
            String fresh = opened.path("code").asText();
            assertEquals(fresh, f.web.pairingCode());
            f.webClock.advance(WebLimits.PAIRING_GLOBAL_INTERVAL);
            InetAddress tabletAddress = lan.size() > 1 ? lan.get(1) : InetAddress.getLoopbackAddress();
            try (RawHttp tablet = new RawHttp(tabletAddress, f.web.port())) {
                RawHttp.Session s = tablet.session();
                assertEquals(200, tablet.exchange("POST", "/api/patient/pair", s, "{\"code\":\"" + fresh + "\"}").status(),
                        "the real tablet pairs once staff open pairing again");
                assertTrue(tablet.exchange("GET", "/api/session", s, null).json().path("paired").asBoolean());
                System.out.printf("the tablet (%s) paired after staff opened pairing again%n", tabletAddress.getHostAddress());
            }
        }
    }

    /**
     * 8 connections from {@code from}, {@value #GUESSES_PER_CONNECTION} wrong codes each as fast as the desk answers;
     * the count sent. 200 a round are already 200 times the one the desk compares (250 each cost ~6 s of a test run).
     */
    private static long flood(InetAddress from, int port, String code, Map<Integer, AtomicLong> answers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    SecureRandom r = new SecureRandom();
                    try (RawHttp c = new RawHttp(from, port)) {
                        RawHttp.Session s = c.session();
                        for (int i = 0; i < GUESSES_PER_CONNECTION; i++) {
                            String guess;
                            do {
                                guess = String.format("%06d", r.nextInt(1_000_000));
                            } while (guess.equals(code));
                            int status = c.exchange("POST", "/api/patient/pair", s, "{\"code\":\"" + guess + "\"}").status();
                            answers.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    return GUESSES_PER_CONNECTION;
                }));
            }
            long sent = 0;
            for (Future<Integer> d : done) {
                sent += d.get();
            }
            return sent;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyThePairedScreenSendsAPinAndAnyOtherNeverReachesTheCard() throws Exception {
        List<InetAddress> lan = RawHttp.lanAddresses();
        assumeFalse(lan.isEmpty(), "this machine has no address but loopback");
        InetAddress here = lan.get(0);
        try (WebFixture f = new WebFixture("default", "0.0.0.0");
             RawHttp tablet = new RawHttp(here, f.web.port());
             RawHttp stranger = new RawHttp(here, f.web.port());
             RawHttp stolen = new RawHttp(InetAddress.getLoopbackAddress(), f.web.port());
             RawHttp second = new RawHttp(here, f.web.port())) {
            WebDeskClient staff = f.client();
            RawHttp.Session ts = tablet.session();
            assertEquals(200, tablet.exchange("POST", "/api/patient/pair", ts, "{\"code\":\"" + f.web.pairingCode() + "\"}").status());
            // the fixture's client has a deadline no loaded machine reaches (PatientClient): no outage to retry around
            JsonNode started = staff.post("/api/staff/start", "{\"mode\":\"pin\"}").body().path("desk");
            assertEquals("pin", started.path("phase").asText(), started.toString());
            long before = f.station.virtualReader().transmitCount();

            RawHttp.Response notPaired = stranger.exchange("POST", "/api/patient/pin", stranger.session(), "{\"pin\":\"0000\"}");
            assertEquals(403, notPaired.status());
            assertEquals("not-paired", notPaired.json().path("code").asText());
            assertEquals(403, stolen.exchange("POST", "/api/patient/pin", ts, "{\"pin\":\"0000\"}").status(),
                    "the tablet's cookie from another address is not the tablet");

            String again = staff.post("/api/staff/pairing", "{}").body().path("pairing").path("code").asText();
            f.webClock.advance(WebLimits.PAIRING_GLOBAL_INTERVAL);
            RawHttp.Session ss = second.session();
            assertEquals(200, second.exchange("POST", "/api/patient/pair", ss, "{\"code\":\"" + again + "\"}").status());
            RawHttp.Response replaced = tablet.exchange("POST", "/api/patient/pin", ts, "{\"pin\":\"0000\"}");
            assertEquals(403, replaced.status(), "a newer pairing replaced the first screen");

            assertEquals(before, f.station.virtualReader().transmitCount(), "no refused PIN reached the card");
            assertEquals(3, assertInstanceOf(Prompt.AwaitingPin.class, f.web.prompt()).triesLeft(), "the card's tries untouched");

            RawHttp.Response right = second.exchange("POST", "/api/patient/pin", ss, "{\"pin\":\"1234\"}");
            assertEquals(200, right.status());
            assertEquals("consent", right.json().path("desk").path("phase").asText());
            assertTrue(f.station.virtualReader().transmitCount() > before, "the paired screen's PIN went to the card");
        }
    }
}
