package jp.mynadesk.screen.web;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.mynadesk.desk.CheckStep;
import jp.mynadesk.desk.DeskEvent;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.station.Station;

/**
 * The desk's one open check, shared by the staff page and the patient page. {@link ReceptionCheck} is for one
 * driver at a time, so every event runs on one thread ("the desk"), in the order the pages sent them; whoever
 * listens hears each card step and each new prompt as soon as it is there.
 */
final class DeskSession implements AutoCloseable {
    /** Hears the desk: a step about to run, and the prompt after each event (null prompt: no check yet). */
    interface Listener {
        void step(CheckStep step);

        void prompt(Prompt prompt, boolean busy);
    }

    /** What an event did: the prompt now, or that it did not fit where the check waits. */
    sealed interface Answer {
        record Moved(Prompt prompt) implements Answer {}

        record Refused(String code) implements Answer {}
    }

    private final Station station;
    private final Listener listener;
    private final ExecutorService desk = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mynadesk-web-desk");
        t.setDaemon(true);
        return t;
    });
    /** Read by the HTTP threads, written on the desk thread only. */
    private volatile ReceptionCheck check;
    private volatile Prompt prompt = new Prompt.AwaitingStart(null);
    private volatile boolean busy;

    DeskSession(Station station, Listener listener) {
        this.station = station;
        this.listener = listener;
    }

    Prompt prompt() {
        return prompt;
    }

    boolean busy() {
        return busy;
    }

    /** Whether a check is open: started and not yet recorded. */
    boolean open() {
        return check != null && !(prompt instanceof Prompt.Done);
    }

    /**
     * Starts a new check with {@code event} (card, documents or declaration). Refused while another is open: a
     * second clerk click must not drop the patient's check.
     */
    Answer start(DeskEvent event) {
        return run(() -> {
            if (open()) {
                wipe(event);
                return new Answer.Refused("check-in-progress");
            }
            check = new ReceptionCheck(station.context(this::step));
            return move(event);
        });
    }

    /**
     * Moves the open check on. {@code expected} is the prompt the page saw; an event sent from a stale page (the
     * check has moved on meanwhile) is refused rather than applied to a prompt nobody looked at.
     */
    Answer send(DeskEvent event, Class<? extends Prompt> expected) {
        return run(() -> {
            if (!open() || (expected != null && !expected.isInstance(prompt))) {
                wipe(event);
                return new Answer.Refused("not-now");
            }
            return move(event);
        });
    }

    /** Back to the idle screen after a recorded check (nothing to do while one is open: cancel it first). */
    Answer clear() {
        return run(() -> {
            if (open()) {
                return new Answer.Refused("check-in-progress");
            }
            check = null;
            prompt = new Prompt.AwaitingStart(null);
            listener.prompt(prompt, false);
            return new Answer.Moved(prompt);
        });
    }

    private Answer move(DeskEvent event) {
        busy = true;
        listener.prompt(prompt, true);
        try {
            prompt = check.handle(event);
        } finally {
            busy = false;
        }
        listener.prompt(prompt, false);
        return new Answer.Moved(prompt);
    }

    private void step(CheckStep step) {
        listener.step(step);
    }

    /** A PIN that is not used is wiped at once, as the workflow does with one it does not expect. */
    private static void wipe(DeskEvent event) {
        if (event instanceof DeskEvent.PinEntered p) {
            java.util.Arrays.fill(p.pin(), '\0');
        }
    }

    private Answer run(java.util.concurrent.Callable<Answer> work) {
        Future<Answer> f = desk.submit(work);
        try {
            // Card and service steps are bounded by the client's own timeouts; this only guards a stuck reader.
            return f.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the desk worked", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the desk did not answer in time", e);
        }
    }

    @Override
    public void close() {
        desk.shutdownNow();
    }
}
