package jp.mynadesk.screen.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The desk's sessions (docs/WEB.md §1.3): at most {@link WebLimits#SESSIONS}, each forgotten after
 * {@link WebLimits#SESSION_IDLE} unused (not while one of its pages holds an event stream) and after
 * {@link WebLimits#SESSION_LIFETIME} in any case. When full, a new session pushes out, least recently used first,
 * an unpaired session from another machine without a stream, else any unpaired one without a stream, else any
 * without a stream, else the least recently used: the staff's and the patient screen's sessions go last.
 */
final class SessionTable {
    private final Clock clock;
    private final int capacity;
    /** In access order: the first entry is the least recently used. */
    private final LinkedHashMap<String, Guard.Session> sessions = new LinkedHashMap<>(64, 0.75f, true);

    SessionTable(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    Instant now() {
        return clock.instant();
    }

    /** The live session with this id, marked used now; null when unknown or expired. */
    synchronized Guard.Session get(String id) {
        if (id == null) {
            return null;
        }
        Guard.Session s = sessions.get(id);
        if (s == null) {
            return null;
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id);
            return null;
        }
        s.lastUsed = now;
        return s;
    }

    synchronized void put(String id, Guard.Session s) {
        Instant now = clock.instant();
        sessions.values().removeIf(old -> expired(old, now));
        while (sessions.size() >= capacity) {
            evictOne();
        }
        sessions.put(id, s);
    }

    synchronized int size() {
        return sessions.size();
    }

    /** Every session but {@code keep} stops being paired (one patient screen per desk). */
    synchronized void unpairAllBut(Guard.Session keep) {
        for (Guard.Session s : sessions.values()) {
            if (s != keep) {
                s.paired = false;
            }
        }
    }

    private void evictOne() {
        for (Predicate<Guard.Session> first : java.util.List.<Predicate<Guard.Session>>of(
                s -> s.fromOtherMachine && !s.paired && s.streams.get() == 0,
                s -> !s.paired && s.streams.get() == 0,
                s -> s.streams.get() == 0,
                s -> true)) {
            Iterator<Map.Entry<String, Guard.Session>> it = sessions.entrySet().iterator();
            while (it.hasNext()) {
                if (first.test(it.next().getValue())) {
                    it.remove();
                    return;
                }
            }
        }
    }

    private static boolean expired(Guard.Session s, Instant now) {
        if (!now.isBefore(s.created.plus(WebLimits.SESSION_LIFETIME))) {
            return true;
        }
        return s.streams.get() == 0 && !now.isBefore(s.lastUsed.plus(WebLimits.SESSION_IDLE));
    }
}
