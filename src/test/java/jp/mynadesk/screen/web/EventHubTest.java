package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mynadesk.screen.web.EventHub.Audience;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A page that opens while the desk moves on: what it is sent first (the hello, worked out from the desk's state) and
 * what is published meanwhile. Nothing is lost, and the page never goes back to an older state after a newer one.
 * Each publication "while the hello is worked out" happens inside the hello's supplier, at the one moment the old
 * hub lost it (the page was not yet among those it sends to); no clock, no sleep.
 */
class EventHubTest {
    private final EventHub hub = new EventHub();
    /** The desk's other threads (a check moving on) publish from here, as they do in the desk. */
    private final ExecutorService desk = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        desk.shutdownNow();
        hub.close();
    }

    /** A page: what it heard, in order ("desk 2"). */
    private static final class Page implements EventHub.Sink {
        private final List<String> heard = new ArrayList<>();

        @Override
        public Object lock() {
            return this;
        }

        @Override
        public boolean terminated() {
            return false;
        }

        @Override
        public synchronized void sendEvent(String event, String data) {
            heard.add(event + " " + data);
        }

        @Override
        public void close() {
        }

        synchronized List<String> heard() {
            return List.copyOf(heard);
        }

        /** The desk values it heard, in order. */
        synchronized List<Integer> desks() {
            return heard.stream().filter(h -> h.startsWith("desk ")).map(h -> Integer.valueOf(h.substring(5))).toList();
        }
    }

    private static Map.Entry<String, JsonNode> entry(String event, int value) {
        return Map.entry(event, IntNode.valueOf(value));
    }

    /** The desk moves to {@code value} and says so, on another thread, as a check does. */
    private void moveOn(AtomicInteger state, int value) throws Exception {
        desk.submit(() -> {
            state.set(value);
            hub.send(Audience.STAFF, "desk", IntNode.valueOf(value));
        }).get();
    }

    private static void neverBack(List<Integer> desks) {
        for (int i = 1; i < desks.size(); i++) {
            assertTrue(desks.get(i) >= desks.get(i - 1), "an older desk after a newer one: " + desks);
        }
    }

    @Test
    void aChangePublishedWhileTheHelloIsWorkedOutReachesThePage() {
        AtomicInteger state = new AtomicInteger(1);
        Page page = new Page();
        hub.join(Audience.STAFF, page, () -> {
            Map.Entry<String, JsonNode> desk = entry("desk", state.get());
            try {
                moveOn(state, 2); // after the hello read the desk, before the page is among those sent to
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return List.of(desk);
        });
        List<Integer> desks = page.desks();
        assertEquals(2, desks.get(desks.size() - 1), "the page stays on the desk before the change: " + page.heard());
    }

    @Test
    void aStepPublishedWhileTheHelloIsWorkedOutComesAfterTheHello() {
        Page page = new Page();
        hub.join(Audience.STAFF, page, () -> {
            List<Map.Entry<String, JsonNode>> hello = List.of(entry("status", 7), entry("desk", 1));
            hub.send(Audience.STAFF, "step", TextNode.valueOf("read-card"));
            return hello;
        });
        hub.send(Audience.STAFF, "visits", IntNode.valueOf(0));
        assertEquals(List.of("status 7", "desk 1", "step \"read-card\"", "visits 0"), page.heard());
    }

    @Test
    void theHelloIsNeverShownAfterANewerEvent() throws Exception {
        AtomicInteger state = new AtomicInteger(1);
        Page page = new Page();
        hub.join(Audience.STAFF, page, () -> {
            Map.Entry<String, JsonNode> desk = entry("desk", state.get());
            try {
                moveOn(state, 2);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return List.of(desk);
        });
        moveOn(state, 3);
        List<Integer> desks = page.desks();
        neverBack(desks);
        assertEquals(List.of(2, 3), desks.subList(desks.size() - 2, desks.size()), page.heard().toString());
    }

    @Test
    void anEventOlderThanTheHelloIsNeverShownAfterIt() throws Exception {
        // The desk worked out "1" before the page came, and publishes it only while the hello is worked out; the
        // hello then reads "2", whose own event follows. Sending hello, then that event, would show 2, 1, 2.
        AtomicInteger state = new AtomicInteger(1);
        Page page = new Page();
        hub.join(Audience.STAFF, page, () -> {
            JsonNode late = IntNode.valueOf(state.get());
            state.set(2);
            hub.send(Audience.STAFF, "desk", late);
            return List.of(entry("desk", state.get()));
        });
        hub.send(Audience.STAFF, "desk", IntNode.valueOf(2));
        List<Integer> desks = page.desks();
        neverBack(desks);
        assertEquals(2, desks.get(desks.size() - 1), page.heard().toString());
    }

    @Test
    void aPageReplacedWhileItOpensHearsNothingAfterItIsToldSo() {
        Page before = new Page();
        Page after = new Page();
        hub.join(Audience.PATIENT, before, () -> {
            // the patient page opens again in a new tab while the first one's hello is worked out
            hub.join(Audience.PATIENT, after, () -> {
                hub.dismiss(Audience.PATIENT, before, "replaced", IntNode.valueOf(0));
                return List.of(entry("desk", 1));
            });
            return List.of(entry("desk", 1));
        });
        hub.send(Audience.PATIENT, "desk", IntNode.valueOf(2));
        List<String> heard = before.heard();
        assertEquals("replaced 0", heard.get(heard.size() - 1), "the replaced page heard more: " + heard);
        assertEquals(List.of("desk 1", "desk 2"), after.heard());
    }

    @Test
    void aPageFoundGoneUnderItsLockLeavesOffThatLock() throws Exception {
        // closed takes PatientScreen's lock in the desk; PatientScreen writes to the page holding it
        List<Runnable> later = new ArrayList<>();
        EventHub deferring = new EventHub(later::add);
        HttpServletResponse res = mock(HttpServletResponse.class);
        when(res.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("the page is gone");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("the page is gone");
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        });
        Context ctx = mock(Context.class);
        when(ctx.res()).thenReturn(res);
        SseClient client = new SseClient(ctx);
        List<Boolean> underItsLock = new ArrayList<>();
        deferring.join(Audience.PATIENT, client, () -> List.of(), () -> underItsLock.add(Thread.holdsLock(client)));
        synchronized (client) {
            client.sendComment(""); // StreamLimit's heartbeat finds the page gone
        }
        assertTrue(client.terminated());
        later.forEach(Runnable::run);
        assertEquals(List.of(false), underItsLock);
        deferring.send(Audience.PATIENT, "desk", IntNode.valueOf(1)); // gone from the hub too: nothing is written
        deferring.close();
    }

    @Test
    void eachAudienceHearsOnlyItsOwnEvents() {
        Page staff = new Page();
        Page patient = new Page();
        hub.join(Audience.STAFF, staff, () -> List.of(entry("desk", 1)));
        hub.join(Audience.PATIENT, patient, () -> List.of(entry("desk", 10)));
        hub.send(Audience.STAFF, "desk", IntNode.valueOf(2));
        hub.send(Audience.PATIENT, "desk", IntNode.valueOf(11));
        assertEquals(List.of("desk 1", "desk 2"), staff.heard());
        assertEquals(List.of("desk 10", "desk 11"), patient.heard());
    }
}
