package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.sse.SseClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
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

    /** A page, and what was published to it and is not yet written. Its fields are guarded by {@link #lock}. */
    private static final class Member {
        final Sink sink;
        final ArrayDeque<Event> queue = new ArrayDeque<>();
        /** Its hello is out: what is queued may be written. */
        boolean greeted;
        /** Closed or dismissed: nothing more is written to it. */
        boolean gone;

        Member(Sink sink) {
            this.sink = sink;
        }
    }

    private record Event(String name, JsonNode data) {}

    /**
     * Guards the members and their queues, and nothing else. It is always taken last (inside a page's lock, inside
     * PatientScreen's while it refreshes) and nothing is called while it is held (no supplier, no write, no
     * callback), so it adds no lock order to the desk's.
     */
    private final Object lock = new Object();
    private final Map<Audience, List<Member>> members = new EnumMap<>(Map.of(
            Audience.STAFF, new ArrayList<>(), Audience.PATIENT, new ArrayList<>()));

    /** Runs what a closed page leaves to do when it cannot run where the page was found closed. */
    private final Executor later;

    EventHub() {
        this(work -> {
            Thread t = new Thread(work, "mynadesk-web-left"); // rare: a page found gone while written to
            t.setDaemon(true);
            t.start();
        });
    }

    EventHub(Executor later) {
        this.later = later;
    }

    /** Keeps {@code client} open and sends it {@code hello} (the current state) first. */
    void join(Audience who, SseClient client, Supplier<List<Map.Entry<String, JsonNode>>> hello) {
        join(who, client, hello, () -> { });
    }

    /** As {@link #join(Audience, SseClient, Supplier)}; {@code closed} runs too when the client goes. */
    void join(Audience who, SseClient client, Supplier<List<Map.Entry<String, JsonNode>>> hello, Runnable closed) {
        Sink sink = new Stream(client);
        client.keepAlive();
        client.onClose(() -> {
            leave(who, sink);
            if (Thread.holdsLock(client)) {
                // A write found the page gone (Javalin closes the client inside the write), under the page's lock:
                // a hub write or StreamLimit's heartbeat. closed takes PatientScreen's lock, which PatientScreen
                // holds while it writes to this page: run under this lock, the two would wait for each other.
                later.execute(closed);
            } else {
                closed.run();
            }
        });
        join(who, sink, hello);
    }

    /**
     * Sends {@code sink} the hello, then every event of its audience published after the hello was begun: nothing
     * published meanwhile is lost, and the page never goes back to an older state after a newer one.
     *
     * <p>The page is registered first, so every event from then on is queued for it; the hello is worked out
     * outside every lock of the hub (the patient's takes PatientScreen's lock, which PatientScreen holds while it
     * publishes, and may dismiss the page before). For an event name published while the hello was worked out, it
     * is unknown which of the two is newer, so that part of the hello is not sent: the queued events are, and they
     * are newer than anything published before the page was registered. Every other part of the hello is
     * written first; what is published after it was worked out is newer and follows. This relies on each event
     * being the whole state for its name ("status", "desk", "pairing" for the staff, "desk" for the patient; a
     * "step" replaces the step shown, and "visits" only asks the page to reload its list), and on a publisher
     * publishing its states in the order they happened (PatientScreen under its lock, the desk on its one thread).
     */
    void join(Audience who, Sink sink, Supplier<List<Map.Entry<String, JsonNode>>> hello) {
        Member m = new Member(sink);
        synchronized (lock) {
            members.get(who).add(m);
        }
        List<Map.Entry<String, JsonNode>> now;
        try {
            now = hello.get();
        } catch (RuntimeException | Error e) {
            leave(who, sink);
            throw e;
        }
        synchronized (sink.lock()) {
            Set<String> published = new HashSet<>();
            synchronized (lock) {
                if (m.gone) {
                    return; // dismissed or closed while the hello was worked out
                }
                m.queue.forEach(e -> published.add(e.name()));
            }
            for (Map.Entry<String, JsonNode> e : now) {
                if (!published.contains(e.getKey())) {
                    write(sink, e.getKey(), e.getValue());
                }
            }
            synchronized (lock) {
                m.greeted = true;
            }
            drain(m);
        }
        if (sink.terminated()) {
            leave(who, sink); // closed before it was registered: its onClose found nothing to remove
        }
    }

    /**
     * Publishes {@code data} as {@code event} to the audience. It is queued to every page under the hub's lock, so
     * each page is written its events in the order they were published, whichever thread then writes them.
     */
    void send(Audience who, String event, JsonNode data) {
        List<Member> to;
        synchronized (lock) {
            to = List.copyOf(members.get(who));
            to.forEach(m -> m.queue.add(new Event(event, data)));
        }
        to.forEach(this::drain);
    }

    /** Writes what is queued to {@code m}, in order, once its hello is out (until then its join will). */
    private void drain(Member m) {
        synchronized (m.sink.lock()) {
            while (true) {
                Event e;
                synchronized (lock) {
                    e = m.greeted && !m.gone ? m.queue.poll() : null;
                }
                if (e == null) {
                    return;
                }
                write(m.sink, e.name(), e.data());
            }
        }
    }

    private void leave(Audience who, Sink sink) {
        synchronized (lock) {
            members.get(who).removeIf(m -> {
                if (!m.sink.equals(sink)) {
                    return false;
                }
                m.gone = true;
                m.queue.clear();
                return true;
            });
        }
    }

    /** Tells one client {@code event} as its last: it hears nothing more from this hub. */
    void dismiss(Audience who, SseClient client, String event, JsonNode data) {
        dismiss(who, new Stream(client), event, data);
    }

    void dismiss(Audience who, Sink sink, String event, JsonNode data) {
        leave(who, sink);
        synchronized (sink.lock()) {
            write(sink, event, data);
        }
    }

    private static void write(Sink c, String event, JsonNode data) {
        if (c.terminated()) {
            return;
        }
        // One line per event: the data: lines of an event cannot be pretty-printed JSON.
        c.sendEvent(event, SafeJson.text(data));
    }

    void close() {
        List<Member> all = new ArrayList<>();
        synchronized (lock) {
            for (List<Member> list : members.values()) {
                list.forEach(m -> m.gone = true);
                all.addAll(list);
                list.clear();
            }
        }
        all.forEach(m -> m.sink.close()); // outside the lock: closing runs the page's onClose
    }
}
