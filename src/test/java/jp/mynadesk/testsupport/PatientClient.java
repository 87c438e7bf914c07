package jp.mynadesk.testsupport;

import java.time.Duration;
import jp.mynadesk.oqs.OqsClient;

/**
 * The service client of a test whose subject is not the client's deadline: time-outs no loaded machine reaches (a
 * cold JVM's first answers from the in-process mock took over a second at a load average of 20, past the client's
 * 1 s request and 3 s call defaults), so a slow answer stays an answer. Outages such tests ask for are the mock's
 * 503s, which the client reports at once whatever its deadline. Tests of deadlines keep theirs (OqsFaultTest,
 * HostileServerClientTest) or run on a virtual timeline.
 */
public final class PatientClient {
    /** Far above any answer of the in-process mock, far below the surefire run's own patience. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private PatientClient() {}

    /** For {@code Station.open(setup, timeline, PatientClient::tune)}. */
    public static OqsClient.Builder tune(OqsClient.Builder b) {
        return b.connectTimeout(Duration.ofSeconds(10)).requestTimeout(DEADLINE).callTimeout(DEADLINE);
    }
}
