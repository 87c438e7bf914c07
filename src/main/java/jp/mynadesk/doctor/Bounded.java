package jp.mynadesk.doctor;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a piece of a check on its own daemon thread and waits at most a given time: a hung pcscd, a card that does
 * not answer or a record on a stalled disk must not hang {@code doctor}. The thread is left behind when time runs
 * out (daemon: it does not keep the process alive).
 */
final class Bounded {
    private Bounded() {}

    /**
     * @throws TimeoutException    when {@code limit} passed first
     * @throws ExecutionException  with what the work threw
     */
    static <T> T call(String what, Duration limit, Callable<T> work) throws TimeoutException, ExecutionException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "mynadesk-doctor-" + what);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new TimeoutException("interrupted");
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        }
    }

    /** "3 秒" or "0.5 秒", for messages. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " 秒" : String.format("%.1f 秒", ms / 1000.0);
    }
}
