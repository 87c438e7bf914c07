package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The build trains check's AOT cache against a mock service in a child JVM; the build ignores a failed training
 * (./mynadesk then uses the full cache), so this is where a broken one shows.
 */
@Tag("slow") // a child JVM
class CdsTrainingTest {
    @Test
    void theChildServiceAnswersAndStopsWhenClosed() throws Exception {
        Process process;
        try (CdsTraining.ChildService service = CdsTraining.ChildService.start()) {
            URI uri = service.uri();
            assertEquals("127.0.0.1", uri.getHost());
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.resolve("/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "the mock answers");
            process = service.process();
            assertTrue(process.isAlive());
        }
        assertFalse(process.isAlive(), "closing it ends the child JVM");
    }
}
