package jp.mynadesk.station;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Something a station opens on a thread of its own while it assembles the rest; {@link #get()} hands it over (or
 * throws what opening it threw, as it was thrown) and {@link #discard()} closes it when the station does not open.
 */
final class Opening<T extends AutoCloseable> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Opening() {}

    static <T extends AutoCloseable> Opening<T> start(String name, Supplier<T> open) {
        Opening<T> opening = new Opening<>();
        Thread thread = new Thread(() -> {
            try {
                opening.result.complete(open.get());
            } catch (Throwable e) {
                opening.result.completeExceptionally(e);
            }
        }, "station-" + name);
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    /** Waits for it (an interrupt is kept for the caller, not lost): what was opened, or the failure rethrown. */
    T get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The station did not open: waits for it and closes it, quietly (the station's own failure is the one to tell). */
    void discard() {
        try {
            get().close();
        } catch (Exception | Error ignored) {
            // opening or closing it failed as well: nothing was left open
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause); // a Supplier throws nothing checked
    }
}
