package jp.mynadesk.format;

import java.util.Optional;

/** An enum whose constants have a stable code in the JSON contracts (docs/DESK.md). */
public interface Coded {
    String code();

    /** The constant with that code. */
    static <E extends Coded> Optional<E> find(E[] values, String code) {
        for (E e : values) {
            if (e.code().equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The constant with that code; a code the record holds that this build does not know is a damaged record. */
    static <E extends Coded> E of(E[] values, String code, String what) {
        return find(values, code).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " " + code));
    }
}
