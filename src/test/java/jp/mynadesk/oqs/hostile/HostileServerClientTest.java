package jp.mynadesk.oqs.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import jp.mynadesk.bench.HostileHttpServer;
import jp.mynadesk.oqs.BatchDownloadRequest;
import jp.mynadesk.oqs.CircuitBreaker;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.testsupport.PatientClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The desk's promise, "offline within about 3 s whatever the fault", against loopback servers that misbehave below
 * HTTP's expectations. Every test is bounded by {@link Timeout}: before the fix, the stalled and endless bodies hung
 * the call for ever (or ran the JVM out of memory). Default client settings, as the desk uses them, except where the
 * deadline is not the subject (the oversized batch answer).
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
@Tag("slow") // hostile servers hold the client to its real deadlines (up to 3 s each)
class HostileServerClientTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T01:00:00Z"), ZoneOffset.UTC);
    static final QualificationRequest QUERY = new QualificationRequest("20260415", "1311111111", "hostile-test",
            new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "0", null));
    static final BatchDownloadRequest DOWNLOAD = new BatchDownloadRequest("1311111111", "hostile-test", "2026041500000001");

    static <T> OqsResult<T> once(HostileHttpServer.Behaviour b, Function<OqsClient, OqsResult<T>> call) throws Exception {
        try (HostileHttpServer server = new HostileHttpServer(b)) {
            return call.apply(OqsClient.create(server.uri(), CLOCK));
        }
    }

    /** The first call gives up with Offline, and the next fails fast without touching the network. */
    private static void goesOffline(HostileHttpServer.Behaviour b) throws Exception {
        try (HostileHttpServer server = new HostileHttpServer(b)) {
            OqsClient client = OqsClient.create(server.uri(), CLOCK);
            assertInstanceOf(OqsResult.Offline.class, client.query(QUERY));
            assertEquals(CircuitBreaker.State.OPEN, client.state());
            assertInstanceOf(OqsResult.Offline.class, client.health());
        }
    }

    @Test
    void bodyStalledAfterTheHeadersEndsTheCall() throws Exception {
        goesOffline(HostileHttpServer.stallAfterHeaders());
    }

    @Test
    void bodyTricklingInEndsTheCallByItsDeadline() throws Exception {
        goesOffline(HostileHttpServer.trickle(100));
    }

    @Test
    void silentServerEndsTheCall() throws Exception {
        goesOffline(HostileHttpServer.silent());
    }

    @Test
    void endlessChunkedBodyIsCutAtTheLimit() throws Exception {
        goesOffline(HostileHttpServer.endlessChunked());
    }

    @Test
    void endlessCloseDelimitedBodyIsCutAtTheLimit() throws Exception {
        goesOffline(HostileHttpServer.endlessUntilClose());
    }

    @Test
    void hugeDeclaredBodyIsRefusedWithoutReadingIt() throws Exception {
        OqsResult<?> r = once(HostileHttpServer.huge(200L * 1024 * 1024), c -> c.crl());
        assertInstanceOf(OqsResult.Offline.class, r);
        assertTrue(r.describe().contains("larger than"), r.describe());
    }

    @Test
    void redirectCountsAsUnavailableSoTheDeskFallsBack() throws Exception {
        for (int status : new int[] {301, 302, 307, 308}) {
            try (HostileHttpServer server = new HostileHttpServer(HostileHttpServer.redirect(status))) {
                OqsClient client = OqsClient.builder(server.uri()).clock(CLOCK).maxRetries(0).build();
                OqsResult<?> r = client.query(QUERY);
                OqsResult.Unavailable<?> u = assertInstanceOf(OqsResult.Unavailable.class, r, "HTTP " + status);
                assertEquals(OqsResult.Reason.CONNECTION, u.reason());
            }
        }
        goesOffline(HostileHttpServer.redirect(302));
    }

    @Test
    void notHttpAtAllGoesOffline() throws Exception {
        goesOffline(HostileHttpServer.garbage());
    }

    @Test
    void nothingListeningGoesOffline() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        OqsClient client = OqsClient.create(java.net.URI.create("http://127.0.0.1:" + closed + "/"), CLOCK);
        assertInstanceOf(OqsResult.Offline.class, client.query(QUERY));
        assertEquals(CircuitBreaker.State.OPEN, client.state());
    }

    @Test
    void anOversizedBatchAnswerDoesNotSendTheDeskOffline() throws Exception {
        try (HostileHttpServer server = new HostileHttpServer(HostileHttpServer.endlessChunked())) {
            // The size limit is the subject here, not the deadline: the 40 MB the client reads before refusing the
            // answer took more than the default 1 s on a loaded machine, and a time-out is no "larger than".
            OqsClient client = PatientClient.tune(OqsClient.builder(server.uri()).clock(CLOCK)).build();
            OqsResult<?> r = client.fetchBatch(DOWNLOAD);
            assertInstanceOf(OqsResult.Malformed.class, r);
            assertTrue(r.describe().contains("larger than"), r.describe());
            assertFalse(client.offline(), "one oversized batch answer must not open the breaker");
        }
    }
}
