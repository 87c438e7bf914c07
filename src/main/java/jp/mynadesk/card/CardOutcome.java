package jp.mynadesk.card;

import java.util.function.Function;

/**
 * The result of a card step: a value, or a {@link CardFailure}. Status words and PC/SC errors end up here
 * as data, so the desk decides what to do next without catching exceptions.
 */
public sealed interface CardOutcome<T> {

    record Success<T>(T value) implements CardOutcome<T> {}

    record Failed<T>(CardFailure reason) implements CardOutcome<T> {}

    static <T> CardOutcome<T> success(T value) {
        return new Success<>(value);
    }

    static <T> CardOutcome<T> failed(CardFailure reason) {
        return new Failed<>(reason);
    }

    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** The value; throws if this is a failure (for tests and for code that already checked). */
    default T orElseThrow() {
        if (this instanceof Success<T> s) {
            return s.value();
        }
        throw new IllegalStateException("card step failed: " + ((Failed<T>) this).reason());
    }

    /** The failure, or null on success. */
    default CardFailure failure() {
        return this instanceof Failed<T> f ? f.reason() : null;
    }

    default <R> CardOutcome<R> then(Function<? super T, CardOutcome<R>> next) {
        if (this instanceof Success<T> s) {
            return next.apply(s.value());
        }
        return new Failed<>(((Failed<T>) this).reason());
    }
}
