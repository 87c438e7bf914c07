package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.Objects;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.oqs.CircuitBreaker;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.reader.ReaderEvent;
import jp.mynadesk.reader.ReaderMonitor;
import jp.mynadesk.station.Station;

/**
 * The reader and the service as the staff page shows them, live: reader events from the station's monitor, and
 * the service as the client last found it — the breaker (offline / probing) and the last call's answer, so a 503 shows
 * at once, before the breaker opens — read every half second; while it is down, its health is asked every 15 s so
 * the badge comes back without waiting for the next check. The in-process mock is
 * labelled 模擬. Whoever listens hears the whole status again on every change.
 */
final class StatusWatch implements AutoCloseable {
    private final Station station;
    private final Consumer<ObjectNode> listener;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mynadesk-web-status");
        t.setDaemon(true);
        return t;
    });
    private ReaderMonitor monitor;
    private String reader;
    private boolean card;
    private String readerProblem;
    private CircuitBreaker.State service;
    private static final Duration PROBE_EVERY = Duration.ofSeconds(15);
    private long lastProbe = System.nanoTime();
    private Boolean answered;
    private String failure;

    StatusWatch(Station station, Consumer<ObjectNode> listener) {
        this.station = station;
        this.listener = listener;
    }

    void start() {
        if (station.hasReader()) {
            monitor = station.readerMonitor();
            monitor.start(Duration.ofMillis(250), this::reader);
        }
        ticker.scheduleWithFixedDelay(this::service, 0, 500, TimeUnit.MILLISECONDS);
    }

    private synchronized void reader(ReaderEvent e) {
        if (e instanceof ReaderEvent.ReaderAdded a) {
            reader = a.reader();
            readerProblem = null;
        } else if (e instanceof ReaderEvent.ReaderRemoved r && r.reader().equals(reader)) {
            reader = null;
            card = false;
        } else if (e instanceof ReaderEvent.CardInserted c) {
            reader = c.reader();
            card = true;
        } else if (e instanceof ReaderEvent.CardRemoved) {
            card = false;
        } else if (e instanceof ReaderEvent.Unavailable u) {
            readerProblem = jp.mynadesk.desk.StaffText.messageAndNext(u.problem());
        }
        listener.accept(view());
    }

    private void service() {
        if (!station.hasService()) {
            return; // no service configured: nothing changes, view() says so
        }
        probeWhileDown();
        CircuitBreaker.State now = station.client().state();
        Boolean lastAnswered = station.client().lastCallAnswered();
        OqsResult<?> lastFailure = station.client().lastFailure();
        String why = lastFailure == null ? null : lastFailure.getClass().getSimpleName()
                + (lastFailure instanceof OqsResult.Unavailable<?> u ? u.reason() : "");
        synchronized (this) {
            boolean changed = now != service || !Objects.equals(lastAnswered, answered) || !Objects.equals(why, failure);
            service = now;
            answered = lastAnswered;
            failure = why;
            if (changed) {
                // published under the lock, as reader() does: a reader event and a service change reach every page
                // in the order they happened (EventHub keeps each page's order, not the publishers')
                listener.accept(view());
            }
        }
    }

    /** While the last answer was a failure, the service is asked again (its health) now and then, not only at a check. */
    private void probeWhileDown() {
        boolean down = Boolean.FALSE.equals(station.client().lastCallAnswered())
                || station.client().state() != CircuitBreaker.State.CLOSED;
        long now = System.nanoTime();
        if (down && now - lastProbe >= PROBE_EVERY.toNanos()) {
            lastProbe = now;
            station.client().health(); // through the breaker: while it is open this costs nothing
        }
    }

    synchronized ObjectNode view() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("hasReader", station.hasReader());
        o.put("reader", reader);
        o.put("card", card);
        o.put("readerProblem", readerProblem);
        CircuitBreaker.State breaker = service == null ? CircuitBreaker.State.CLOSED : service;
        if (!station.hasService()) {
            o.put("service", "none");
            o.put("serviceText", StaffText.noServiceStatus());
        } else {
            String state = breaker == CircuitBreaker.State.OPEN ? "offline" : breaker == CircuitBreaker.State.HALF_OPEN ? "probing"
                    : Boolean.FALSE.equals(answered) ? "offline" : answered == null ? "unknown" : "online";
            o.put("service", state);
            // the sentence the terminal's status line says too: what failed and which address was tried
            o.put("serviceText", StaffText.serviceStatus(breaker, answered, station.client().lastFailure(),
                    station.client().base().toString(), station.inProcessService() != null));
        }
        o.put("terminal", station.setup().terminal());
        o.put("simulated", station.simulated());
        return o;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        if (monitor != null) {
            monitor.close();
        }
    }
}
