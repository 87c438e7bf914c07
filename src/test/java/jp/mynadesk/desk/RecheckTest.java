package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.server.OqsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Re-check findings against the real mock service (built-in registry) over HTTP. */
class RecheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static OqsServer server;
    private static OqsClient client;

    @BeforeAll
    static void start() throws Exception {
        server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(CLOCK));
        client = OqsClient.builder(server.uri()).clock(CLOCK).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} born {4} → {5}")
    @CsvSource({
        "01130012, 12345678, 1,    00, 19890510, Confirmed",   // 協会 太郎, valid
        "06139992, 802,      7777, 00, 19980228, Lost",        // 転職 結衣: lost 2025-10-01, insured elsewhere now
        "01130012, 55550000, 12,   00, 19701010, Lost",        // 喪失 健: lost, nothing new
        "01130012, 99999999, 9,    00, 19890510, NotFound",
        "01040013, 40001111, 21,     , 20100720, Ambiguous",   // twins, queried without 枝番
    })
    void findings(String insurer, String symbol, String number, String branch, String birth, String expected) {
        var request = new QualificationRequest("20261122", "1311111111", "RECHECK-1",
                new QualificationSearchInfo(insurer, symbol, number, branch, birth, "1", null));
        OqsResult<QualificationResponse> answer = client.query(request);
        Recheck.Finding finding = Recheck.compare(((OqsResult.Ok<QualificationResponse>) answer).value());
        assertEquals(expected, finding.getClass().getSimpleName(), finding.toString());
        if (finding instanceof Recheck.Finding.Lost lost) {
            assertTrue(lost.lostOn().matches("\\d{8}"), lost.toString());
            assertEquals(insurer.equals("06139992"), lost.newQualificationExists(), lost.toString());
        }
        if (finding instanceof Recheck.Finding.Ambiguous a) {
            assertEquals(2, a.matches());
        }
    }
}
