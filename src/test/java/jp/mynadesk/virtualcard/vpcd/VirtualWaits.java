package jp.mynadesk.virtualcard.vpcd;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for a {@link VpcdBridge}: every timed wait the bridge asks for is recorded and passes at once on this
 * clock (with a real millisecond, so a retry loop against a stopped vpcd does not spin a core). A test then asserts
 * the waits themselves (the 1 s absence, the backoff's ceiling) instead of timing them.
 */
final class VirtualWaits implements VpcdBridge.Waits {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    /** Every timed wait asked for, in milliseconds, in order. */
    final List<Long> waited = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void await(Object lock, long millis) throws InterruptedException {
        waited.add(millis);
        now.addAndGet(millis * 1_000_000);
        lock.wait(1);
    }
}
