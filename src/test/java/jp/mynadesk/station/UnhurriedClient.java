package jp.mynadesk.station;

import java.time.Duration;
import jp.mynadesk.oqs.OqsClient;

/**
 * Client deadlines for a test whose subject is not time but which checks against the in-process mock service.
 *
 * <p>The desk's own limits (1 s per attempt, 3 s per call) are real deadlines: on a loaded 2-core CI machine (two
 * test forks, load ~11) a first request, a GC pause or the mock's first CRL can take longer, and the check then ends
 * as a time-out ({@code SERVICE_OFFLINE}, 「時間内に応答がありません」) the test never asked for. These limits are far
 * beyond any such delay yet still end a real hang; retries and back-off are unchanged. A test of time-outs does not use
 * them: it runs on a {@link jp.mynadesk.time.VirtualTimeline} or an injected clock and sleeper.
 */
public final class UnhurriedClient {
    public static final OqsClient.Limits LIMITS =
            new OqsClient.Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));

    private UnhurriedClient() {
    }
}
