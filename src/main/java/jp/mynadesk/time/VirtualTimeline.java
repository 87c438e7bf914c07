package jp.mynadesk.time;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Elapsed time that only waiting moves, for one scenario: a desk, its client and the mock service in the same JVM
 * (docs/SCENARIOS.md, "Virtual time"). A back-off or an emulated reader delay moves it at once by its length; a
 * server holding an exchange (a {@code hang} or {@code latency} fault) waits until the time reaches the end of the
 * hold; a client waiting for an answer moves the time to whichever comes first, the end of the server's hold of
 * its exchange or its own time-out. So a 1.5 s hang costs nothing real, yet the client sees exactly 1.5 s (or its
 * time-out) pass, and the same run gives the same waits, results and times every time.
 *
 * <p>Only the thread that drives the desk moves the time (sleeping or waiting for an answer); held server threads
 * only wait for it. The client names each exchange ({@link #newExchange()}, sent in {@link #EXCHANGE_HEADER}) so
 * a hold is matched to the request it holds: an abandoned exchange still held cannot move the time of the next.
 * An answer that is neither given nor held is waited for in real time (the service computing it), up to
 * {@link #REAL_PATIENCE}; after that the client's time-out is taken as reached.
 */
public final class VirtualTimeline implements Timeline {
    /** How long a client waits really for an answer its server is working on (not holding). */
    public static final Duration REAL_PATIENCE = Duration.ofSeconds(10);
    /** A held server thread looks at its closing latch this often (real time); closing also interrupts it. */
    private static final long CLOSING_POLL_MS = 100;
    private static final AtomicLong TIMELINES = new AtomicLong();

    private final String name = "v" + TIMELINES.incrementAndGet() + "-";
    private final AtomicLong exchanges = new AtomicLong();
    /** Elapsed nanoseconds; guarded by this. */
    private long now;
    /** Held exchanges and when each hold ends; guarded by this. */
    private final Map<String, Long> holds = new HashMap<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            advanceTo(now + Math.max(0, d.toNanos()));
        }
    }

    @Override
    public String newExchange() {
        return name + exchanges.incrementAndGet();
    }

    @Override
    public <T> T awaitAnswer(String exchange, CompletableFuture<T> answer, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (exchange == null) {
            return REAL.awaitAnswer(null, answer, timeout);
        }
        answer.whenComplete((v, e) -> wake());
        long realLimit = System.nanoTime() + REAL_PATIENCE.toNanos();
        synchronized (this) {
            long deadline = now + timeout.toNanos();
            while (!answer.isDone()) {
                Long until = holds.get(exchange);
                if (until != null && until > now) {
                    if (until > deadline) {
                        advanceTo(deadline);
                        throw new TimeoutException("no answer within " + timeout.toMillis() + " ms (virtual time)");
                    }
                    advanceTo(until); // the hold ends; the server goes on and answers or closes
                    continue;
                }
                long left = realLimit - System.nanoTime();
                if (left <= 0) {
                    advanceTo(deadline);
                    throw new TimeoutException("no answer within " + REAL_PATIENCE.toSeconds() + " s of real time");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return answer.get();
    }

    @Override
    public boolean hold(String exchange, Duration d, CountDownLatch closing) throws InterruptedException {
        String key = exchange != null ? exchange : name + "anonymous-" + exchanges.incrementAndGet();
        synchronized (this) {
            long until = now + Math.max(0, d.toNanos());
            holds.put(key, until);
            notifyAll();
            try {
                while (now < until) {
                    if (closing.getCount() == 0) {
                        return false;
                    }
                    wait(CLOSING_POLL_MS);
                }
                return closing.getCount() != 0;
            } finally {
                holds.remove(key, until);
                notifyAll();
            }
        }
    }

    @Override
    public boolean virtual() {
        return true;
    }

    /** Exchanges held right now (tests). */
    synchronized int held() {
        return holds.size();
    }

    private void advanceTo(long t) {
        if (t > now) {
            now = t;
            notifyAll();
        }
    }

    private synchronized void wake() {
        notifyAll();
    }

    @Override
    public String toString() {
        return "virtual time at " + Duration.ofNanos(nanoTime());
    }
}
