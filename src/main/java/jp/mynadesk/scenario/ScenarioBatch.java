package jp.mynadesk.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs many scenario files, up to {@code jobs} at once in this JVM, and hands their results over in the files' order.
 * Scenarios are independent by construction: each has its own desk, data folder, in-process service on its own port,
 * virtual reader set and virtual timeline, and one thread drives it from start to end (the only thread that moves its
 * time). What they share is read-only or guarded (docs/SCENARIOS.md, "Running scenarios at once"). A scenario is
 * mostly one thread's work (the card's RSA, the HTTP client, SQLite), so on a machine of several cores running two
 * or more at once uses the cores the first leaves idle.
 *
 * <p>Results reach {@code inOrder} on the calling thread, each as soon as it and every one before it are done, so the
 * output of a concurrent run is that of a sequential one. A scenario that throws is that scenario's failure.
 */
public final class ScenarioBatch {
    /** The most scenarios run at once ({@code scenario run --jobs}). */
    public static final int MAX_JOBS = 16;

    private ScenarioBatch() {}

    /** The number of scenarios run at once unless told: the processors this JVM may use, at most 4. */
    public static int defaultJobs() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param jobs    how many scenarios run at once, 1 to {@link #MAX_JOBS}; 1 runs them on the calling thread
     * @param threads makes the threads that run scenarios when {@code jobs > 1} (null: plain daemon threads); every
     *                such thread has ended when this returns
     * @param inOrder each result, on the calling thread, in the order of {@code files}
     */
    public static void run(ScenarioRunner runner, List<Path> files, int jobs, ThreadFactory threads,
                           Consumer<ScenarioResult> inOrder) {
        run(runner, files, jobs, threads, inOrder, null);
    }

    /** As above; {@code recorded} (may be null) gets each scenario's index and what its desk recorded, on its thread. */
    static void run(ScenarioRunner runner, List<Path> files, int jobs, ThreadFactory threads,
                    Consumer<ScenarioResult> inOrder, BiConsumer<Integer, ScenarioRunner.Recorded> recorded) {
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw new IllegalArgumentException("jobs must be 1 to " + MAX_JOBS + ": " + jobs);
        }
        Objects.requireNonNull(inOrder, "inOrder");
        if (jobs == 1 || files.size() <= 1) {
            for (int i = 0; i < files.size(); i++) {
                inOrder.accept(one(runner, files.get(i), i, recorded));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, files.size()),
                threads != null ? threads : daemons());
        try {
            List<Future<ScenarioResult>> pending = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                int index = i;
                pending.add(pool.submit(() -> one(runner, files.get(index), index, recorded)));
            }
            for (Future<ScenarioResult> f : pending) {
                inOrder.accept(done(f));
            }
        } finally {
            pool.shutdownNow(); // only still running when the caller's consumer threw: those scenarios are abandoned
            awaitEnd(pool);
        }
    }

    /** One scenario; whatever it throws is its failure, never the others'. */
    private static ScenarioResult one(ScenarioRunner runner, Path file, int index,
                                      BiConsumer<Integer, ScenarioRunner.Recorded> recorded) {
        long started = System.nanoTime();
        try {
            return runner.run(file, recorded == null ? null : r -> recorded.accept(index, r));
        } catch (RuntimeException e) {
            return new ScenarioResult(file, file.getFileName().toString(), false, file + ": " + ScenarioRunner.unexpected(file, e), 0,
                    Duration.ofNanos(System.nanoTime() - started), null);
        }
    }

    private static ScenarioResult done(Future<ScenarioResult> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the scenarios' results are still wanted; the flag is kept for the caller
                }
            }
        } catch (ExecutionException e) {
            // one() returns every RuntimeException as a result: what is left is an Error (out of memory), the run's end
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the threads to end (at once after a normal run); a scenario abandoned and stuck is left to them. */
    private static void awaitEnd(ExecutorService pool) {
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mynadesk-scenario-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
