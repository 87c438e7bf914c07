package jp.mynadesk.screen.web;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event streams open at once, per audience (docs/WEB.md §1.4): at most {@link WebLimits#STAFF_STREAMS} staff and
 * {@link WebLimits#PATIENT_STREAMS} patient pages. A place is taken before the stream's answer starts
 * ({@link #reserve}, in the desk's guard: one beyond the cap gets 503, never a 200 that closes at once). It is given
 * back when the stream ends ({@link #unbind}), or when the request ends without becoming a stream
 * ({@link #requestListener}: Javalin streams only for {@code Accept: text/event-stream}); a place is given back once.
 * While it is open, a stream is known with its session ({@link #bind}), which then counts as in use
 * ({@link SessionTable}). Every {@link WebLimits#STREAM_HEARTBEAT} each stream gets a comment line: a page closed
 * without a word is noticed when the write fails (Jetty's idle time-out does not end an idle event stream), so its
 * place comes back within two heartbeats even when the desk has nothing to say.
 */
final class StreamLimit implements AutoCloseable {
    /** The request attribute naming the audience whose place a request holds. */
    static final String ATTRIBUTE = "mynadesk.stream";

    /** One place taken; given back at most once, by whichever end comes first. */
    final class Place {
        private final EventHub.Audience who;
        private final java.util.concurrent.atomic.AtomicBoolean given = new java.util.concurrent.atomic.AtomicBoolean();

        private Place(EventHub.Audience who) {
            this.who = who;
        }

        void giveBack() {
            if (given.compareAndSet(false, true)) {
                release(who);
            }
        }
    }

    private record Open(Place place, Guard.Session session) {}

    private final Clock clock;
    private final Map<SseClient, Open> open = new ConcurrentHashMap<>();
    private final int[] count = new int[EventHub.Audience.values().length];

    private final java.util.concurrent.ScheduledExecutorService heartbeat =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mynadesk-web-heartbeat");
                t.setDaemon(true);
                return t;
            });

    StreamLimit(Clock clock) {
        this.clock = clock;
        long every = WebLimits.STREAM_HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** A comment line to every open stream (under the client's lock, as {@link EventHub} sends). */
    void beat() {
        for (SseClient c : open.keySet()) {
            synchronized (c) {
                if (!c.terminated()) {
                    c.sendComment("");
                }
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    static int cap(EventHub.Audience who) {
        return who == EventHub.Audience.STAFF ? WebLimits.STAFF_STREAMS : WebLimits.PATIENT_STREAMS;
    }

    /** Places taken now. */
    synchronized int count(EventHub.Audience who) {
        return count[who.ordinal()];
    }

    /** Takes a place; null (and nothing taken) when the audience is full. */
    synchronized Place reserve(EventHub.Audience who) {
        if (count[who.ordinal()] >= cap(who)) {
            return null;
        }
        count[who.ordinal()]++;
        return new Place(who);
    }

    private synchronized void release(EventHub.Audience who) {
        count[who.ordinal()]--;
    }

    /** Gives a request's place back when the request ends (an event stream's request ends with the stream). */
    ServletRequestListener requestListener() {
        return new ServletRequestListener() {
            @Override
            public void requestDestroyed(ServletRequestEvent e) {
                if (e.getServletRequest().getAttribute(ATTRIBUTE) instanceof Place p && !e.getServletRequest().isAsyncStarted()) {
                    p.giveBack(); // the handler did not stream: the place was never used
                }
            }
        };
    }

    /** The stream now open in the place its request took, with the session of its page (null: none). */
    void bind(SseClient client, Guard.Session session) {
        if (!(client.ctx().req().getAttribute(ATTRIBUTE) instanceof Place place)) {
            throw new IllegalStateException("an event stream without a place");
        }
        open.put(client, new Open(place, session));
        if (session != null) {
            session.streams.incrementAndGet();
        }
    }

    /** The stream ended: its session's idle time starts now. */
    void unbind(SseClient client) {
        Open o = open.remove(client);
        if (o == null) {
            return;
        }
        o.place().giveBack();
        if (o.session() != null) {
            o.session().streams.decrementAndGet();
            o.session().lastUsed = clock.instant();
        }
    }

    /** Closes the patient streams of every session but {@code keep} (another screen was paired). */
    void closePatientStreamsBut(Guard.Session keep) {
        for (Map.Entry<SseClient, Open> e : open.entrySet()) {
            if (e.getValue().place().who == EventHub.Audience.PATIENT && e.getValue().session() != keep) {
                e.getKey().close();
            }
        }
    }
}
