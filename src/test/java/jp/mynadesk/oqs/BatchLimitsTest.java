package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.oqs.server.OqsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The largest batch the service accepts can be fetched by the client; a larger one is refused at upload. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchLimitsTest {
    private static final String DATE = "20260415";
    /** The built-in person with the largest answer: 限度額 and 特定疾病 information (limit consent 1). */
    private static final QualificationSearchInfo LARGEST =
            new QualificationSearchInfo("401307", "博多", "778899", "00", "19901201", "1", "pt-largest-answer");
    private MutableClock clock;
    private OqsServer server;
    private OqsClient client;

    @BeforeEach
    void start() throws IOException {
        clock = MutableClock.jst("2026-04-15T10:00:00");
        server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock));
        client = OqsClient.builder(server.uri()).clock(clock).callTimeout(Duration.ofSeconds(30))
                .requestTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static BatchRequest batchOf(int people) {
        return new BatchRequest(DATE, Cards.INSTITUTION, "BIG", Collections.nCopies(people, LARGEST));
    }

    @Test
    void aFullBatchOfTheLargestAnswersIsFetchedWithoutGoingOffline() {
        String number = assertInstanceOf(OqsResult.Ok.class, client.submitBatch(batchOf(BatchRequest.MAX_PEOPLE)))
                .value() instanceof BatchReception r ? r.receptionNumber() : null;
        clock.advance(Duration.ofMinutes(1));
        OqsResult<BatchResult> r = client.fetchBatch(new BatchDownloadRequest(Cards.INSTITUTION, "DL", number));
        BatchResult result = assertInstanceOf(OqsResult.Ok.class, r, r.describe()).value() instanceof BatchResult b ? b : null;
        assertEquals(BatchRequest.MAX_PEOPLE, result.units().size());
        assertFalse(result.units().get(0).results().isEmpty());
        assertFalse(client.offline());
    }

    @Test
    void oneUnitStaysWithinThePerPersonBoundsTheLimitIsSizedFrom() {
        String one = server.service().submitBatch(batchOf(1)).receptionNumber();
        String two = server.service().submitBatch(batchOf(2)).receptionNumber();
        clock.advance(Duration.ofMinutes(1));
        byte[] oneXml = OqsXml.write(server.service().fetchBatch(new BatchDownloadRequest(Cards.INSTITUTION, "DL", one)));
        byte[] twoXml = OqsXml.write(server.service().fetchBatch(new BatchDownloadRequest(Cards.INSTITUTION, "DL", two)));
        int bytes = twoXml.length - oneXml.length;
        int elements = countElements(twoXml) - countElements(oneXml);
        assertTrue(elements > 10 && elements <= BatchResult.MAX_ELEMENTS_PER_PERSON, "elements per person " + elements);
        assertTrue(bytes > 500 && bytes <= BatchResult.MAX_BYTES_PER_PERSON, "bytes per person " + bytes);
    }

    private static int countElements(byte[] xml) {
        String s = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        int n = 0;
        for (int i = s.indexOf("</"); i >= 0; i = s.indexOf("</", i + 2)) {
            n++;
        }
        return n;
    }

    @Test
    void aBatchOverTheCapIsRefusedAtUpload() {
        OqsResult<BatchReception> r = client.submitBatch(batchOf(BatchRequest.MAX_PEOPLE + 1));
        assertEquals(OqsErrorCodes.BATCH_TOO_LARGE, assertInstanceOf(OqsResult.Rejected.class, r).errorCode());
        assertFalse(client.offline());
    }

    @Test
    void batchResultsExpireByTheServiceClock() {
        BatchReception r = server.service().submitBatch(batchOf(1));
        clock.advance(Duration.ofHours(25));
        BatchResult gone = server.service().fetchBatch(new BatchDownloadRequest(Cards.INSTITUTION, "DL", r.receptionNumber()));
        assertEquals(OqsErrorCodes.BATCH_UNKNOWN, gone.header().errorCode());
    }

    @Test
    void theOldestBatchesAreDroppedBeyondTheRetainedPeopleCap() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 25; i++) { // 25 full batches: more than the service keeps at once
            numbers.add(server.service().submitBatch(batchOf(BatchRequest.MAX_PEOPLE)).receptionNumber());
        }
        clock.advance(Duration.ofMinutes(1));
        BatchResult oldest = server.service().fetchBatch(new BatchDownloadRequest(Cards.INSTITUTION, "DL", numbers.get(0)));
        assertEquals(OqsErrorCodes.BATCH_UNKNOWN, oldest.header().errorCode());
        BatchResult newest = server.service().fetchBatch(new BatchDownloadRequest(Cards.INSTITUTION, "DL", numbers.get(24)));
        assertEquals(SegmentOfResult.NORMAL, newest.header().segmentOfResult());
    }
}
