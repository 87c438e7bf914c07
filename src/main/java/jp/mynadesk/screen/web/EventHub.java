package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

/** The pages listening with server-sent events: each audience gets its own view, never the other's. */
final class EventHub {
    enum Audience { STAFF, PATIENT }

    private final Set<SseClient> staff = new CopyOnWriteArraySet<>();
    private final Set<SseClient> patient = new CopyOnWriteArraySet<>();

    /** Keeps {@code client} open and sends it {@code hello} (the current state) first. */
    void join(Audience who, SseClient client, Supplier<java.util.List<java.util.Map.Entry<String, JsonNode>>> hello) {
        join(who, client, hello, () -> { });
    }

    /** As {@link #join(Audience, SseClient, Supplier)}; {@code closed} runs too when the client goes. */
    void join(Audience who, SseClient client, Supplier<java.util.List<java.util.Map.Entry<String, JsonNode>>> hello,
              Runnable closed) {
        Set<SseClient> set = who == Audience.STAFF ? staff : patient;
        client.keepAlive();
        client.onClose(() -> {
            set.remove(client);
            closed.run();
        });
        synchronized (client) {
            for (var e : hello.get()) {
                send(client, e.getKey(), e.getValue());
            }
        }
        set.add(client);
    }

    void send(Audience who, String event, JsonNode data) {
        for (SseClient c : who == Audience.STAFF ? staff : patient) {
            synchronized (c) {
                send(c, event, data);
            }
        }
    }

    /** Tells one client {@code event} as its last: it hears nothing more from this hub. */
    void dismiss(Audience who, SseClient client, String event, JsonNode data) {
        (who == Audience.STAFF ? staff : patient).remove(client);
        synchronized (client) {
            send(client, event, data);
        }
    }

    private static void send(SseClient c, String event, JsonNode data) {
        if (c.terminated()) {
            return;
        }
        // One line per event: the data: lines of an event cannot be pretty-printed JSON.
        c.sendEvent(event, SafeJson.text(data));
    }

    void close() {
        for (Set<SseClient> set : java.util.List.of(staff, patient)) {
            for (SseClient c : set) {
                c.close();
            }
            set.clear();
        }
    }
}
