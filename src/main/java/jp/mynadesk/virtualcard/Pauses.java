package jp.mynadesk.virtualcard;

import java.util.function.LongConsumer;

/** Waiting for simulated time (recorded delays, reader latency). Injected everywhere so tests never sleep. */
public final class Pauses {
    private Pauses() {}

    /** Really waits the given milliseconds; an interrupt ends the wait early and stays set. */
    public static final LongConsumer REAL = millis -> {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };
}
