package jp.mynadesk.card;

/**
 * A monotonic source of elapsed time for trace timestamps. Injected so tests get the same trace every run;
 * {@link #SYSTEM} is the JVM's monotonic timer, never the wall clock.
 */
@FunctionalInterface
public interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    /** Nanoseconds from an arbitrary but fixed origin. */
    long nanos();
}
