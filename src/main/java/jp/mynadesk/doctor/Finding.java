package jp.mynadesk.doctor;

import java.util.Objects;

/**
 * One line of the diagnosis.
 *
 * @param name    the check's stable name ({@code pcscd}, {@code trust-anchor}, …), for scripts
 * @param status  正常, 警告 or 異常
 * @param message what was found, in Japanese
 * @param next    what to do next, in Japanese ("" when there is nothing to do)
 */
public record Finding(String name, Status status, String message, String next) {
    public Finding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        next = next == null ? "" : next;
    }

    static Finding ok(String name, String message) {
        return new Finding(name, Status.OK, message, "");
    }

    static Finding ok(String name, String message, String next) {
        return new Finding(name, Status.OK, message, next);
    }

    static Finding warning(String name, String message, String next) {
        return new Finding(name, Status.WARNING, message, next);
    }

    static Finding problem(String name, String message, String next) {
        return new Finding(name, Status.PROBLEM, message, next);
    }
}
