package jp.mynadesk.reader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import jp.mynadesk.oplog.OperationsLog;

/**
 * Watches readers and card presence in finite ticks: every tick re-lists the readers and asks each for a
 * card, then reports what changed. It does not trust {@code waitForChange} (which misses a quick
 * remove + re-insert and never recovers after pcscd restarts) and never blocks longer than one tick, so
 * closing it is prompt. All PC/SC calls happen on its one thread: the thread owns the readers.
 */
public final class ReaderMonitor implements AutoCloseable {
    private final TerminalFactory factory;
    private final Map<String, Boolean> lastSeen = new LinkedHashMap<>();
    private PcscProblem lastProblem;
    private ScheduledExecutorService thread;

    public ReaderMonitor(TerminalFactory factory) {
        this.factory = factory;
    }

    /** Polls every {@code tick} on a daemon thread of its own, handing each change to {@code listener}. */
    public synchronized void start(Duration tick, Consumer<ReaderEvent> listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reader-monitor");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> poll().forEach(listener), 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick: re-list, compare with the previous tick, return the changes (tests call this directly). */
    public synchronized List<ReaderEvent> poll() {
        List<ReaderEvent> events = new ArrayList<>();
        Map<String, Boolean> now = new LinkedHashMap<>();
        try {
            for (CardTerminal terminal : factory.terminals().list()) {
                now.put(terminal.getName(), present(terminal));
            }
            lastProblem = null;
        } catch (CardException | IllegalStateException e) {
            PcscProblem problem = PcscProblem.classify(e);
            if (problem != lastProblem) {
                events.add(new ReaderEvent.Unavailable(problem));
            }
            lastProblem = problem;
        }
        lastSeen.forEach((name, hadCard) -> {
            if (!now.containsKey(name)) {
                if (hadCard) {
                    events.add(new ReaderEvent.CardRemoved(name));
                }
                events.add(new ReaderEvent.ReaderRemoved(name));
            }
        });
        now.forEach((name, hasCard) -> {
            Boolean had = lastSeen.get(name);
            if (had == null) {
                events.add(new ReaderEvent.ReaderAdded(name));
                had = false;
            }
            if (hasCard && !had) {
                events.add(new ReaderEvent.CardInserted(name));
            } else if (!hasCard && had) {
                events.add(new ReaderEvent.CardRemoved(name));
            }
        });
        lastSeen.clear();
        lastSeen.putAll(now);
        events.forEach(ReaderMonitor::log);
        return events;
    }

    /** Each change goes to the operations log: reader names and problems only, nothing of the card's holder. */
    private static void log(ReaderEvent event) {
        if (event instanceof ReaderEvent.ReaderAdded e) {
            OperationsLog.info("reader", "カードリーダーがあります: " + e.reader());
        } else if (event instanceof ReaderEvent.ReaderRemoved e) {
            OperationsLog.warning("reader", "カードリーダーが外されました: " + e.reader());
        } else if (event instanceof ReaderEvent.CardInserted e) {
            OperationsLog.info("reader", "カードが置かれました: " + e.reader());
        } else if (event instanceof ReaderEvent.CardRemoved e) {
            OperationsLog.info("reader", "カードが取り除かれました: " + e.reader());
        } else if (event instanceof ReaderEvent.Unavailable e) {
            OperationsLog.warning("reader", "カードリーダーを使えません（" + e.problem().name() + "）");
        }
    }

    private static boolean present(CardTerminal terminal) {
        try {
            return terminal.isCardPresent();
        } catch (CardException | IllegalStateException e) {
            return false; // gone between list() and this question: the next tick reports it removed
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
