package jp.mynadesk.screen.web;

import jp.mynadesk.desk.StaffText;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jp.mynadesk.desk.Prompt;

/**
 * The desk's one patient screen, and what it shows between checks.
 *
 * <p>One screen: the patient page that opened last takes the desk over (a reloaded tablet, a second tab); the one
 * before is told it is no longer in use, and what it sends is refused. A page identifies itself with a random id
 * of its own ({@code ?screen=} on its event stream, {@code X-Patient-Screen} on its calls). Callers without an id
 * (scripts, the benchmark) may act only while no page holds the desk.
 *
 * <p>Between checks: 「受付が完了しました」 stays for {@link #DONE_SHOWN} on the desk's clock, or until the patient takes
 * the card, then the screen is idle again, so the next patient never reads the last one's ending. The idle screen
 * asks for a card only when none is on the reader: a card left behind is to be taken, a new one is to wait for staff.
 */
final class PatientScreen implements AutoCloseable {
    /** How long the patient's last screen stays after a recorded check. */
    static final Duration DONE_SHOWN = Duration.ofSeconds(15);
    static final String HEADER = "X-Patient-Screen";

    private final Clock clock;
    private final Supplier<Prompt> prompt;
    private final BooleanSupplier busy;
    private final boolean hasReader;
    private final String institution;
    private final Consumer<ObjectNode> push;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mynadesk-web-patient");
        t.setDaemon(true);
        return t;
    });

    private String screen;
    private SseClient client;

    private Prompt.Done done;
    private Instant doneAt;
    private boolean doneOver;
    private boolean card;
    /** The card on the reader now is the one that was there when the last check ended. */
    private boolean cardLeftBehind;
    private ObjectNode shown;

    /** @param push sends a new view to the patient pages (called only when the view changed) */
    PatientScreen(Clock clock, Supplier<Prompt> prompt, BooleanSupplier busy, boolean hasReader, String institution,
                  Consumer<ObjectNode> push) {
        this.clock = clock;
        this.institution = institution;
        this.prompt = prompt;
        this.busy = busy;
        this.hasReader = hasReader;
        this.push = push;
    }

    // --- the one screen ---------------------------------------------------------------------------------

    /** {@code page} takes the desk over; returns the page it took it from (to be told), or null. */
    synchronized SseClient claim(String page, SseClient events) {
        if (page == null) {
            return null;
        }
        SseClient before = client;
        screen = page;
        client = events;
        return before == events ? null : before;
    }

    /** The page's event stream closed: the desk is free again unless another page took it meanwhile. */
    synchronized void release(String page, SseClient events) {
        if (page != null && page.equals(screen) && client == events) {
            screen = null;
            client = null;
        }
    }

    /** Whether a call from {@code page} (its header, or null) may drive the check. */
    synchronized boolean mayAct(String page) {
        return screen == null || screen.equals(page);
    }

    // --- what it shows ---------------------------------------------------------------------------------

    /** The card came or went (the reader monitor's view). */
    void card(boolean present) {
        synchronized (this) {
            if (present == card) {
                return;
            }
            card = present;
            if (!present) {
                cardLeftBehind = false;
                if (done != null) {
                    doneOver = true; // the patient took the card: the ending was read
                }
            }
        }
        refresh();
    }

    /** Recomputes the view and sends it when it changed (a new prompt, the clock passing the ending's time). */
    synchronized void refresh() {
        ObjectNode now = view();
        if (!now.equals(shown)) {
            shown = now;
            push.accept(now); // under the lock: two refreshes never send their views out of order
        }
    }

    /** Looks at the clock every quarter second (the ending's time), until {@link #close}. */
    void start() {
        ticker.scheduleWithFixedDelay(this::refresh, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** What the patient page shows now. */
    synchronized ObjectNode view() {
        Prompt p = prompt.get();
        boolean working = busy.getAsBoolean();
        if (p instanceof Prompt.Done d) {
            if (d != done) {
                done = d;
                doneAt = clock.instant();
                doneOver = false;
                cardLeftBehind = card;
            }
            if (!doneOver && !clock.instant().isBefore(doneAt.plus(DONE_SHOWN))) {
                doneOver = true;
            }
            if (!doneOver) {
                ObjectNode o = DeskView.patient(p, working, institution);
                o.put("takeCard", hasReader && card);
                return o;
            }
            return idle(working);
        }
        done = null;
        if (p instanceof Prompt.AwaitingStart) {
            return idle(working);
        }
        return DeskView.patient(p, working, institution);
    }

    private ObjectNode idle(boolean working) {
        ObjectNode o = DeskView.patient(new Prompt.AwaitingStart(null), working, institution);
        String text = !hasReader || !card ? StaffText.patientPlaceCard()
                : cardLeftBehind ? StaffText.patientTakeCard() : StaffText.patientWaitWithCard();
        o.put("text", text);
        o.put("card", hasReader && card);
        return o;
    }

    synchronized boolean holds(String page) {
        return Objects.equals(screen, page);
    }
}
