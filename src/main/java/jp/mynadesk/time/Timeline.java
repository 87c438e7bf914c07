package jp.mynadesk.time;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where waiting happens: the elapsed time that deadlines, back-offs, time-outs and emulated delays are measured in.
 * {@link #REAL} is the JVM's monotonic timer and real waiting; a scenario runs on a {@link VirtualTimeline}, where a
 * wait costs nothing real and every party still sees the time it waited pass (docs/SCENARIOS.md, "Virtual time").
 *
 * <p>This is elapsed time only. Dates and times a check records come from the injected {@link java.time.Clock},
 * which a scenario moves with {@code advance}; a timeline never moves it.
 */
public interface Timeline {
    /** The JVM's timer and real waiting. */
    Timeline REAL = new Timeline() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }

        @Override
        public <T> T awaitAnswer(String exchange, CompletableFuture<T> answer, Duration timeout)
                throws InterruptedException, ExecutionException, TimeoutException {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public String newExchange() {
            return null;
        }

        @Override
        public boolean hold(String exchange, Duration d, CountDownLatch closing) throws InterruptedException {
            return !closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public boolean virtual() {
            return false;
        }

        @Override
        public String toString() {
            return "real time";
        }
    };

    /**
     * The request header that names an exchange between a client and a server sharing a virtual timeline (only sent
     * when {@link #newExchange()} gives a name).
     */
    String EXCHANGE_HEADER = "X-Mynadesk-Exchange";

    /** Elapsed nanoseconds from an arbitrary, fixed origin ({@link System#nanoTime()}'s contract). */
    long nanoTime();

    /** Waits {@code d} (back-off, emulated reader latency). */
    void sleep(Duration d) throws InterruptedException;

    /**
     * A client waits up to {@code timeout} for the answer to {@code exchange}.
     *
     * @throws TimeoutException when no answer came within the time-out (the caller abandons the exchange)
     */
    <T> T awaitAnswer(String exchange, CompletableFuture<T> answer, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException;

    /** A name for the next exchange, sent in {@link #EXCHANGE_HEADER}; null when none is needed (real time). */
    String newExchange();

    /**
     * A server holds {@code exchange} (a hang or latency it was told to inject) for {@code d}.
     *
     * @param exchange the name the client sent, or null
     * @param closing  counted down when the server closes; the hold then ends early
     * @return false when the server closed first
     */
    boolean hold(String exchange, Duration d, CountDownLatch closing) throws InterruptedException;

    /** Whether waits cost no real time (then a reader's timed wait for a change nothing else can make ends at once). */
    boolean virtual();

    /** {@link #sleep} that keeps an interrupt set instead of throwing: the card emulator's latency. */
    default void pause(long millis) {
        try {
            sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
