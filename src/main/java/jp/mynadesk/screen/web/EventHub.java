package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

/** The pages listening with server-sent events: each audience gets its own view, never the other's. */
final class EventHub {
    enum Audience { STAFF, PATIENT }

    /** Where one page's events are written: in the desk its {@link SseClient}, in a test a recording. */
    interface Sink {
        /** Every write takes this lock; {@link StreamLimit#beat} writes its heartbeat to the same client under it. */
        Object lock();

        boolean terminated();

        void sendEvent(String event, String data);

        void close();
    }

    /** The desk's sink: the client itself is the lock, as the heartbeat takes it. */
    private record Stream(SseClient client) implements Sink {
        @Override
        public Object lock() {
            return client;
        }

        @Override
        public boolean terminated() {
            return client.terminated();
        }

        @Override
        public void sendEvent(String event, String data) {
            client.sendEvent(event, data);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private final Set<Sink> staff = new CopyOnWriteArraySet<>();
    private final Set<Sink> patient = new CopyOnWriteArraySet<>();

    /** Keeps {@code client} open and sends it {@code hello} (the current state) first. */
    void join(Audience who, SseClient client, Supplier<java.util.List<java.util.Map.Entry<String, JsonNode>>> hello) {
        join(who, client, hello, () -> { });
    }

    /** As {@link #join(Audience, SseClient, Supplier)}; {@code closed} runs too when the client goes. */
    void join(Audience who, SseClient client, Supplier<java.util.List<java.util.Map.Entry<String, JsonNode>>> hello,
              Runnable closed) {
        Sink sink = new Stream(client);
        Set<Sink> set = who == Audience.STAFF ? staff : patient;
        client.keepAlive();
        client.onClose(() -> {
            set.remove(sink);
            closed.run();
        });
        join(who, sink, hello);
    }

    /** Sends {@code sink} the hello, then every event of its audience. */
    void join(Audience who, Sink sink, Supplier<java.util.List<java.util.Map.Entry<String, JsonNode>>> hello) {
        Set<Sink> set = who == Audience.STAFF ? staff : patient;
        synchronized (sink.lock()) {
            for (var e : hello.get()) {
                send(sink, e.getKey(), e.getValue());
            }
        }
        set.add(sink);
    }

    void send(Audience who, String event, JsonNode data) {
        for (Sink c : who == Audience.STAFF ? staff : patient) {
            synchronized (c.lock()) {
                send(c, event, data);
            }
        }
    }

    /** Tells one client {@code event} as its last: it hears nothing more from this hub. */
    void dismiss(Audience who, SseClient client, String event, JsonNode data) {
        dismiss(who, new Stream(client), event, data);
    }

    void dismiss(Audience who, Sink sink, String event, JsonNode data) {
        (who == Audience.STAFF ? staff : patient).remove(sink);
        synchronized (sink.lock()) {
            send(sink, event, data);
        }
    }

    private static void send(Sink c, String event, JsonNode data) {
        if (c.terminated()) {
            return;
        }
        // One line per event: the data: lines of an event cannot be pretty-printed JSON.
        c.sendEvent(event, SafeJson.text(data));
    }

    void close() {
        for (Set<Sink> set : java.util.List.of(staff, patient)) {
            for (Sink c : set) {
                c.close();
            }
            set.clear();
        }
    }
}
