package jp.mynadesk.oqs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.mynadesk.oplog.OperationsLog;

/**
 * Turns repeated failure into a clear OFFLINE state. CLOSED: calls go through; {@code failureThreshold} consecutive
 * failed attempts open it. OPEN: calls fail fast until {@code openFor} has passed (by the injected clock), then one
 * probe call is let through (HALF_OPEN): success closes the breaker, failure opens it again.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** Thresholds: consecutive failed attempts before opening, and how long to stay open before probing. */
    public record Config(int failureThreshold, Duration openFor) {
        public Config {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be at least 1");
            }
        }

        public static Config defaults() {
            return new Config(3, Duration.ofSeconds(5));
        }
    }

    private final Config config;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;
    private Instant offlineSince;
    private String lastFailure = "";
    private boolean probeInFlight;

    public CircuitBreaker(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** True when a call may be attempted now; in HALF_OPEN only one probe at a time. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(config.openFor()))) {
            state = State.HALF_OPEN;
            probeInFlight = false;
        }
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.HALF_OPEN && !probeInFlight) {
            probeInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void onSuccess() {
        if (state != State.CLOSED) {
            OperationsLog.info("service", "オンライン資格確認に再び接続できました（オフラインは " + offlineSince + " から）");
        }
        state = State.CLOSED;
        failures = 0;
        probeInFlight = false;
        offlineSince = null;
    }

    /** The attempt proved nothing about the service's health: counts stay, a probe slot is freed. */
    public synchronized void release() {
        probeInFlight = false;
    }

    /** @return true when this failure opened the breaker */
    public synchronized boolean onFailure(String why) {
        lastFailure = why;
        probeInFlight = false;
        if (state == State.HALF_OPEN) {
            state = State.OPEN;
            openedAt = clock.instant();
            return true;
        }
        if (state == State.CLOSED && ++failures >= config.failureThreshold()) {
            state = State.OPEN;
            openedAt = clock.instant();
            offlineSince = openedAt;
            OperationsLog.warning("service", "オンライン資格確認に接続できません。オフラインに切り替えました: "
                    + OperationsLog.foreign(why));
            return true;
        }
        return false;
    }

    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(config.openFor()))) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Not CLOSED: the service is considered offline (a probe may be under way). */
    public synchronized boolean offline() {
        return state != State.CLOSED;
    }

    synchronized <T> OqsResult.Offline<T> offlineResult() {
        Instant since = offlineSince == null ? clock.instant() : offlineSince;
        Instant next = openedAt == null ? clock.instant() : openedAt.plus(config.openFor());
        return new OqsResult.Offline<>(since, next, lastFailure);
    }
}
