package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.FaultPlan.Rule;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.time.VirtualTimeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults injected by the real server, seen through the real client. Timeouts are short; no multi-second waits. Server
 * and client share a {@link VirtualTimeline}: a hang or latency is held in virtual time and the client's 300 ms
 * deadline is measured there, so what the deadline decides does not depend on how loaded the machine is (the real
 * work of an answer is waited for up to {@link VirtualTimeline#REAL_PATIENCE}).
 */
class OqsFaultTest {
    private static final QualificationRequest QUERY = Cards.numbers("20260415", "01130012", "12345678", "1", "00", "19890510", false);
    private MutableClock clock;
    private VirtualTimeline timeline;
    private OqsServer server;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        clock = MutableClock.jst("2026-04-15T10:00:00");
        timeline = new VirtualTimeline();
        server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock).timeline(timeline));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * Retries 2, breaker 3 failures / 5 s (by the test clock), 300 ms per attempt (on the test's timeline), backoff
     * recorded not slept.
     */
    private OqsClient client() {
        return builder().requestTimeout(Duration.ofMillis(300))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).maxRetries(2)
                .breaker(new CircuitBreaker.Config(3, Duration.ofSeconds(5))).sleeper(sleeps::add).build();
    }

    /** A client on the test's clock and timeline. */
    private OqsClient.Builder builder() {
        return OqsClient.builder(server.uri()).clock(clock).timeline(timeline);
    }

    private void faults(Rule... rules) {
        server.faults().set(FaultPlan.of(rules));
    }

    @Test
    void latencyBelowTheTimeoutIsFine() {
        faults(Rule.latency(20, 30));
        assertTrue(client().query(QUERY).isOk());
        Duration waited = Duration.ofNanos(timeline.nanoTime());
        assertTrue(waited.compareTo(Duration.ofMillis(20)) >= 0 && waited.compareTo(Duration.ofMillis(50)) <= 0,
                "the one answer came after the injected 20 ms + 0–30 ms: " + waited);
    }

    @Test
    void hangPastTheTimeoutGoesOfflineAfterThreeAttempts() {
        faults(Rule.hang(10_000));
        OqsClient c = client();
        OqsResult<QualificationResponse> r = c.query(QUERY);
        OqsResult.Offline<?> off = assertInstanceOf(OqsResult.Offline.class, r, r::describe);
        assertTrue(off.lastFailure().contains("TIMEOUT"), off.lastFailure());
        assertEquals(CircuitBreaker.State.OPEN, c.state());
        assertEquals(Duration.ofMillis(900), Duration.ofNanos(timeline.nanoTime()), "three attempts, each given up at 300 ms");
        assertEquals(2, sleeps.size(), "two backoffs between three attempts");
        assertTrue(sleeps.get(1).compareTo(sleeps.get(0)) > 0 || sleeps.get(1).toMillis() >= 100, "backoff grows");
        int before = server.requestCount();
        assertInstanceOf(OqsResult.Offline.class, c.query(QUERY), "fails fast while open");
        assertEquals(before, server.requestCount(), "no request while the breaker is open");
    }

    @Test
    void serverErrorFailTwiceThenRecoverIsRetried() {
        faults(Rule.status(500, null).times(2));
        OqsClient c = client();
        OqsResult<QualificationResponse> r = c.query(QUERY);
        assertTrue(r.isOk(), r::describe);
        assertEquals(3, server.requestCount());
        assertEquals(CircuitBreaker.State.CLOSED, c.state());
    }

    @Test
    void maintenanceWithALongRetryAfterIsReportedAtOnce() {
        faults(Rule.status(503, 600L));
        OqsResult<QualificationResponse> r = client().query(QUERY);
        OqsResult.Unavailable<?> u = assertInstanceOf(OqsResult.Unavailable.class, r, r::describe);
        assertEquals(OqsResult.Reason.MAINTENANCE, u.reason());
        assertEquals(Duration.ofSeconds(600), u.retryAfter());
        assertEquals(1, server.requestCount());
    }

    @Test
    void shortRetryAfterIsHonoured() {
        faults(Rule.status(503, 0L).times(1));
        assertTrue(client().query(QUERY).isOk());
        assertEquals(List.of(Duration.ZERO), sleeps);
    }

    @Test
    void resetEmptyAndMalformedAreTypedFailures() {
        faults(Rule.of("reset"));
        OqsResult<QualificationResponse> reset = client().query(QUERY);
        assertTrue(reset.serviceDown(), reset::describe);
        assertTrue(reset.describe().contains("CONNECTION"), reset::describe);

        faults(Rule.of("empty"));
        OqsClient c = client();
        OqsResult<QualificationResponse> empty = c.query(QUERY);
        assertInstanceOf(OqsResult.Offline.class, empty);
        assertTrue(((OqsResult.Offline<?>) empty).lastFailure().contains("empty"));

        faults(Rule.of("malformed").times(1));
        OqsResult<QualificationResponse> cut = client().query(QUERY);
        assertTrue(cut.isOk(), "a truncated answer is retried for a query: " + cut.describe());
        faults(Rule.of("malformed"));
        OqsResult<QualificationResponse> broken = builder().maxRetries(0).build().query(QUERY);
        assertInstanceOf(OqsResult.Malformed.class, broken, broken::describe);
    }

    @Test
    void segment9IsARejectionAndKeepsTheServiceOnline() {
        faults(Rule.segment9("ES9001", "システムエラー"));
        OqsClient c = client();
        for (int i = 0; i < 5; i++) {
            OqsResult.Rejected<?> r = assertInstanceOf(OqsResult.Rejected.class, c.query(QUERY));
            assertEquals("ES9001", r.errorCode());
        }
        assertEquals(CircuitBreaker.State.CLOSED, c.state());
        assertEquals(5, server.requestCount(), "rejections are not retried");
    }

    @Test
    void nonIdempotentCallsAreNeverRetried() {
        faults(Rule.status(500, null).onlyFor("card", "batch", "consent"));
        OqsClient c = client();
        HolderCardRequest card = new HolderCardRequest();
        OqsResult<QualificationResponse> r = c.checkCard(card.request(c));
        assertInstanceOf(OqsResult.Unavailable.class, r, r::describe);
        OqsResult<BatchReception> b = c.submitBatch(new BatchRequest("20260415", Cards.INSTITUTION, "b", List.of(QUERY.searchInfo())));
        assertInstanceOf(OqsResult.Unavailable.class, b, b::describe);
        assertEquals(3, server.requestCount(), "challenge + card + batch, one attempt each");
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void failureRateIsSeededAndPartial() {
        server.faults().set(new FaultPlan(42L, List.of(Rule.of("reset").rate(0.5))));
        OqsClient c = builder().requestTimeout(Duration.ofMillis(500)).maxRetries(0)
                .breaker(new CircuitBreaker.Config(1000, Duration.ofSeconds(5))).build();
        int ok = 0;
        for (int i = 0; i < 40; i++) {
            if (c.query(QUERY).isOk()) {
                ok++;
            }
        }
        assertTrue(ok > 5 && ok < 35, "about half succeed: " + ok);
    }

    @Test
    void scheduledOutageWindowFollowsTheServiceClock() {
        Instant from = clock.instant().plus(Duration.ofMinutes(10));
        faults(new Rule("outage", null, null, null, from.toString(), from.plus(Duration.ofMinutes(30)).toString(),
                null, null, null, null, 1800L, null, null));
        OqsClient c = client();
        assertTrue(c.query(QUERY).isOk());
        clock.advance(Duration.ofMinutes(15));
        OqsResult.Unavailable<?> u = assertInstanceOf(OqsResult.Unavailable.class, c.query(QUERY));
        assertEquals(OqsResult.Reason.MAINTENANCE, u.reason());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(c.query(QUERY).isOk());
    }

    @Test
    void breakerProbesAfterOpenPeriodAndClosesOnSuccess() {
        faults(Rule.status(500, null).times(3));
        OqsClient c = client();
        assertInstanceOf(OqsResult.Offline.class, c.query(QUERY));
        assertTrue(c.offline());
        clock.advance(Duration.ofSeconds(4));
        assertInstanceOf(OqsResult.Offline.class, c.health());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(CircuitBreaker.State.HALF_OPEN, c.state());
        assertTrue(c.query(QUERY).isOk(), "the probe succeeds once the service recovered");
        assertEquals(CircuitBreaker.State.CLOSED, c.state());
    }

    @Test
    void failedProbeReopens() {
        faults(Rule.status(500, null));
        OqsClient c = client();
        c.query(QUERY);
        clock.advance(Duration.ofSeconds(6));
        int before = server.requestCount();
        assertInstanceOf(OqsResult.Offline.class, c.query(QUERY));
        assertEquals(before + 1, server.requestCount(), "exactly one probe");
        assertEquals(CircuitBreaker.State.OPEN, c.state());
    }

    @Test
    void serviceGoneIsConnectionRefusedThenOffline() {
        OqsClient c = client();
        server.close();
        OqsResult<QualificationResponse> r = c.query(QUERY);
        OqsResult.Offline<?> off = assertInstanceOf(OqsResult.Offline.class, r, r::describe);
        assertTrue(off.lastFailure().contains("CONNECTION"), off.lastFailure());
    }

    @Test
    void adminEndpointSetsShowsAndClearsFaults() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI admin = server.uri().resolve("admin/faults");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(admin).PUT(HttpRequest.BodyPublishers.ofString(
                "{\"seed\":7,\"rules\":[{\"kind\":\"status\",\"status\":500,\"times\":1,\"endpoints\":[\"qualification\"]}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(http.send(HttpRequest.newBuilder(admin).build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"status\" : 500"));
        OqsClient c = builder().maxRetries(0).build();
        assertInstanceOf(OqsResult.Unavailable.class, c.query(QUERY));
        assertTrue(c.query(QUERY).isOk(), "fail once, then recover");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(admin).PUT(HttpRequest.BodyPublishers.ofString(
                "{\"rules\":[{\"kind\":\"explode\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("explode"), bad.body());
        faults(Rule.of("reset"));
        assertEquals(200, http.send(HttpRequest.newBuilder(admin).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(server.faults().plan().rules().isEmpty());
    }

    /** A PIN-mode request for the default card. */
    private static final class HolderCardRequest {
        CardCheckRequest request(OqsClient c) {
            var card = Cards.profile("default");
            Challenge ch = c.challenge().ok().orElseThrow();
            return CardCheckRequest.pin("20260415", Cards.INSTITUTION, "f", Cards.der(card), ch.challengeId(),
                    Cards.sign(card, ch.nonce()), "DESK-02");
        }
    }
}
