package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closing the client ends its selector thread, so no thread of ours sits in native code when the JVM exits. */
class HttpClientStopTest {
    @Test
    void namesTheSelectorThreadFromTheClientsNumber() {
        assertEquals("HttpClient-7-SelectorManager",
                HttpClientStop.selectorThreadName("jdk.internal.net.http.HttpClientImpl@1b2c3d(7)"));
        for (String other : List.of("", "()", "client(7a)", "client(7", "HttpClientImpl@1b2c3d")) {
            assertNull(HttpClientStop.selectorThreadName(other), other);
        }
    }

    @Test
    void closingAnOqsClientEndsItsSelectorThread() {
        List<Thread> before = selectorThreads();
        OqsClient client = OqsClient.builder(URI.create("http://127.0.0.1:9/")).build();
        List<Thread> started = selectorThreads();
        started.removeAll(before);
        assertEquals(1, started.size(), "the client's selector thread: " + started);
        assertTrue(started.get(0).isAlive());
        client.close();
        assertFalse(started.get(0).isAlive(), "still running after close()");
    }

    @Test
    void stoppingAPlainClientEndsItsSelectorThread() {
        HttpClient client = HttpClient.newHttpClient();
        String name = HttpClientStop.selectorThreadName(client.toString());
        assertTrue(selectorThreads().stream().anyMatch(t -> t.getName().equals(name)), name);
        HttpClientStop.stop(client);
        assertFalse(selectorThreads().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive()), name);
    }

    private static List<Thread> selectorThreads() {
        return new java.util.ArrayList<>(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")).toList());
    }
}
