package jp.mynadesk.screen.web;

import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event streams open at once, per audience (docs/WEB.md §1.4): at most {@link WebLimits#STAFF_STREAMS} staff and
 * {@link WebLimits#PATIENT_STREAMS} patient pages. A stream beyond the cap is refused with 503 before it opens
 * ({@link #full}); {@link #admit} decides atomically, so concurrent opens cannot pass the cap between the two. A
 * session holding a stream counts as in use ({@link SessionTable}).
 */
final class StreamLimit {
    private record Open(EventHub.Audience who, Guard.Session session) {}

    private final Clock clock;
    private final Map<SseClient, Open> open = new ConcurrentHashMap<>();
    private final int[] count = new int[EventHub.Audience.values().length];

    StreamLimit(Clock clock) {
        this.clock = clock;
    }

    static int cap(EventHub.Audience who) {
        return who == EventHub.Audience.STAFF ? WebLimits.STAFF_STREAMS : WebLimits.PATIENT_STREAMS;
    }

    synchronized boolean full(EventHub.Audience who) {
        return count[who.ordinal()] >= cap(who);
    }

    synchronized int count(EventHub.Audience who) {
        return count[who.ordinal()];
    }

    /** Takes a place for {@code client}; false (and nothing taken) when the audience is full. */
    synchronized boolean admit(EventHub.Audience who, SseClient client, Guard.Session session) {
        if (full(who)) {
            return false;
        }
        count[who.ordinal()]++;
        open.put(client, new Open(who, session));
        if (session != null) {
            session.streams.incrementAndGet();
        }
        return true;
    }

    /** The stream ended: its place is free and its session's idle time starts now. */
    synchronized void release(SseClient client) {
        Open o = open.remove(client);
        if (o == null) {
            return;
        }
        count[o.who().ordinal()]--;
        if (o.session() != null) {
            o.session().streams.decrementAndGet();
            o.session().lastUsed = clock.instant();
        }
    }

    /** Closes the patient streams of every session but {@code keep} (another screen was paired). */
    void closePatientStreamsBut(Guard.Session keep) {
        for (Map.Entry<SseClient, Open> e : open.entrySet()) {
            if (e.getValue().who() == EventHub.Audience.PATIENT && e.getValue().session() != keep) {
                e.getKey().close();
            }
        }
    }
}
