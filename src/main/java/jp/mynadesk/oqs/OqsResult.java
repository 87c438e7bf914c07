package jp.mynadesk.oqs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of one call to the qualification service. Every way a call can go wrong is a value here, so the desk
 * decides what to do (fall back to documents, ask again, show the service's message) and nothing throws.
 */
public sealed interface OqsResult<T> {

    /** The service answered normally (the answer may still be a negative qualification). */
    record Ok<T>(T value) implements OqsResult<T> {}

    /**
     * The service is up and refused the request: SegmentOfResult 9 with its ErrorCode, or an HTTP 4xx. Not retried;
     * not counted against the service's health.
     */
    record Rejected<T>(String errorCode, String errorMessage, int httpStatus) implements OqsResult<T> {}

    /** The call failed at the transport or server: timeout, connection refused/reset, 5xx, maintenance. */
    record Unavailable<T>(Reason reason, String detail, Duration retryAfter) implements OqsResult<T> {}

    /** The service answered with something that is not a valid message (empty, truncated, hostile, wrong codes). */
    record Malformed<T>(String detail) implements OqsResult<T> {}

    /**
     * The circuit breaker is open: recent calls failed repeatedly, so the client does not even try until
     * {@code nextAttempt}. The desk should switch to the offline (document) flow at once.
     */
    record Offline<T>(Instant since, Instant nextAttempt, String lastFailure) implements OqsResult<T> {}

    enum Reason { TIMEOUT, CONNECTION, SERVER_ERROR, MAINTENANCE }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default Optional<T> ok() {
        return this instanceof Ok<T> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }

    /** True when the service could not be used (as opposed to answering or refusing). */
    default boolean serviceDown() {
        return this instanceof Unavailable || this instanceof Malformed || this instanceof Offline;
    }

    /** One line for staff and logs (contains no personal data). */
    default String describe() {
        if (this instanceof Ok) {
            return "OK";
        } else if (this instanceof Rejected<T> r) {
            return "拒否 " + r.errorCode() + ": " + r.errorMessage();
        } else if (this instanceof Unavailable<T> u) {
            return "接続不可 (" + u.reason() + "): " + u.detail()
                    + (u.retryAfter() == null ? "" : ", retry after " + u.retryAfter().toSeconds() + " s");
        } else if (this instanceof Malformed<T> m) {
            return "不正な応答: " + m.detail();
        } else {
            Offline<T> o = (Offline<T>) this;
            return "オフライン (since " + o.since() + "): " + o.lastFailure();
        }
    }
}
