package jp.mynadesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.mynadesk.oqs.OqsXml;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.server.OqsServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The generator's counting against a real service on loopback; no figure is asserted. */
@Tag("slow") // load loop
class HttpLoadTest {
    private static final byte[] QUERY = OqsXml.write(new QualificationRequest("20260415", "1311111111", "T",
            new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "1", "pt")));

    @Test
    void anOpenLoopSendsEveryRequestAndTimesEachFromItsDueTime() throws Exception {
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0));
             HttpLoad load = new HttpLoad(server.uri(), "/oqs/qualification", java.util.List.of(QUERY), 3)) {
            HttpLoad.Result r = load.openLoop(2000, 40);
            assertEquals(40, r.completed());
            assertEquals(0, r.failed());
            for (long latency : r.latencyNanos()) {
                assertTrue(latency > 0);
            }
        }
    }

    @Test
    void answersOtherThan200AreFailuresNotCompletions() throws Exception {
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0));
             HttpLoad load = new HttpLoad(server.uri(), "/no/such/endpoint", java.util.List.of(QUERY), 2)) {
            HttpLoad.Result r = load.openLoop(2000, 10);
            assertEquals(0, r.completed());
            assertEquals(10, r.failed());
        }
    }

    @Test
    void theHeadIsParsedInPlace() {
        byte[] head = "HTTP/1.1 200 OK\r\nDate: x\r\ncontent-LENGTH:  1234\r\n\r\nbody".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int end = HttpLoad.headEnd(head, head.length);
        assertEquals(head.length - 4, end);
        assertEquals(1234, HttpLoad.contentLength(head, end));
        assertEquals(-1, HttpLoad.headEnd(head, 20));
        byte[] none = "HTTP/1.1 200 OK\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(-1, HttpLoad.contentLength(none, none.length));
    }
}
