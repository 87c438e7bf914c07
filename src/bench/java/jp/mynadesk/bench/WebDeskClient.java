package jp.mynadesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.format.JsonText;

/**
 * A program's way to the desk's web API, as a browser uses it: one cookie session, its CSRF token on every POST,
 * and the server-sent events read line by line. Used by {@code bench --web} and the web API tests.
 */
public final class WebDeskClient {
    /** One server-sent event. */
    public record Event(String name, JsonNode data, long receivedNanos) {}

    /** An answer: status and JSON body. */
    public record Answer(int status, JsonNode body) {}

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;
    private String csrf;

    public WebDeskClient(URI base) {
        this(base, new CookieManager(), null);
    }

    private WebDeskClient(URI base, CookieManager cookies, String csrf) {
        this.base = base;
        this.cookies = cookies;
        this.csrf = csrf;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * The same session (cookie and CSRF token) on connections of its own, as a browser goes on after the desk closed
     * its idle keep-alive connection: the JDK client retries a request the server closed unanswered only for a GET.
     */
    public WebDeskClient reconnected() {
        return new WebDeskClient(base, cookies, csrf);
    }

    /** Opens the session (the cookie) and keeps its CSRF token. */
    public JsonNode session() throws IOException, InterruptedException {
        Answer a = get("/api/session");
        csrf = a.body().path("csrf").asText(null);
        return a.body();
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** POSTs JSON with the session's CSRF token. */
    public Answer post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, csrf);
    }

    /** POSTs JSON with the given token (null: none), to test what the guard refuses. */
    public Answer post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("X-CSRF-Token", token);
        }
        return send(b);
    }

    public Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = r.body();
        JsonNode json = body.length == 0 ? JsonText.object() : parse(body);
        return new Answer(r.statusCode(), json);
    }

    public URI base() {
        return base;
    }

    public String csrf() {
        return csrf;
    }

    /** Listens to an event stream on a thread of its own; events arrive in the returned queue until close. */
    public BlockingQueue<Event> listen(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IOException(path + " answered " + r.statusCode());
        }
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> read(r.body(), events), "web-desk-events");
        t.setDaemon(true);
        t.start();
        return events;
    }

    private static void read(InputStream in, BlockingQueue<Event> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, parse(data.toString().getBytes(StandardCharsets.UTF_8)), System.nanoTime()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // The stream ended (server stopped or client closed): nothing more will come.
        }
    }

    /** The next event named {@code name} whose data satisfies {@code test}, or null after {@code timeout}. */
    public static Event await(BlockingQueue<Event> events, String name, java.util.function.Predicate<JsonNode> test,
                              Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                return null;
            }
            if (e.name().equals(name) && test.test(e.data())) {
                return e;
            }
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JsonText.read(body);
        } catch (IOException e) {
            return JsonText.object().put("unparsed", new String(body, StandardCharsets.UTF_8));
        }
    }
}
