package jp.mynadesk.screen.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The pairing code of a desk listening beyond loopback (docs/WEB.md §1.1). Pairing is a staff act: the code works
 * only while staff have it open (the desk opens it at start; the staff page opens it again), one tablet pairs per
 * opening, and {@link WebLimits#PAIRING_FAILURES_TO_LOCK} wrong codes lock it until staff open it again. Each address
 * waits after a wrong code (10 s doubling to 10 min), and all addresses together get one comparison per second; a
 * guess refused for waiting is not compared and not counted. A wrong code never draws a new one, so the code on
 * the staff page stays right for the real tablet. Codes are compared through their SHA-256 in constant time.
 */
final class PairingGuard {
    /** What an attempt did. */
    enum Result {
        /** The code matched: the session is the desk's patient screen now; pairing closed. */
        PAIRED,
        /** Compared and wrong; {@code retryAfter} is this address's wait. */
        WRONG,
        /** Compared and wrong, and this one locked pairing (the only attempt that tells the staff page). */
        LOCKED_NOW,
        /** Not compared: this address, or all of them, must wait {@code retryAfter}. */
        WAIT,
        /** Not compared: staff have not opened pairing (or a tablet already paired in this opening). */
        CLOSED,
        /** Not compared: locked after wrong codes until staff open pairing again. */
        LOCKED
    }

    record Attempt(Result result, Duration retryAfter) {}

    /** What the staff page shows. */
    record View(boolean open, String code, boolean locked) {}

    private static final class Backoff {
        int failures;
        Instant until;
    }

    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, Backoff> addresses = new HashMap<>();
    private String code;
    private boolean locked;
    private int failures;
    private Instant lastCompared = Instant.MIN;
    private long compared;

    PairingGuard(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Staff open pairing: a new code, the count of wrong codes back to zero, the lock lifted. */
    synchronized View open() {
        code = String.format("%06d", random.nextInt(1_000_000));
        locked = false;
        failures = 0;
        return view();
    }

    synchronized View view() {
        return new View(code != null, code, locked);
    }

    /** The code the staff page shows, or null while pairing is closed or locked. */
    synchronized String code() {
        return code;
    }

    /** Codes compared since the desk started (for tests and the figures in docs/WEB.md §1.1). */
    synchronized long compared() {
        return compared;
    }

    synchronized Attempt attempt(String address, String typed) {
        Instant now = clock.instant();
        if (locked) {
            return new Attempt(Result.LOCKED, Duration.ZERO);
        }
        if (code == null) {
            return new Attempt(Result.CLOSED, Duration.ZERO);
        }
        Backoff b = addresses.get(address);
        if (b != null && now.isBefore(b.until)) {
            return new Attempt(Result.WAIT, Duration.between(now, b.until));
        }
        Instant next = lastCompared.equals(Instant.MIN) ? now : lastCompared.plus(WebLimits.PAIRING_GLOBAL_INTERVAL);
        if (now.isBefore(next)) {
            return new Attempt(Result.WAIT, Duration.between(now, next));
        }
        lastCompared = now;
        compared++;
        if (matches(code, typed)) {
            code = null; // one tablet per opening
            addresses.remove(address);
            return new Attempt(Result.PAIRED, Duration.ZERO);
        }
        Duration wait = fail(address, now);
        if (++failures >= WebLimits.PAIRING_FAILURES_TO_LOCK) {
            locked = true;
            code = null;
            return new Attempt(Result.LOCKED_NOW, wait);
        }
        return new Attempt(Result.WRONG, wait);
    }

    private Duration fail(String address, Instant now) {
        forget(now);
        Backoff b = addresses.computeIfAbsent(address, a -> new Backoff());
        b.failures++;
        Duration wait = WebLimits.PAIRING_BACKOFF_FIRST.multipliedBy(1L << Math.min(b.failures - 1, 20));
        if (wait.compareTo(WebLimits.PAIRING_BACKOFF_MAX) > 0) {
            wait = WebLimits.PAIRING_BACKOFF_MAX;
        }
        b.until = now.plus(wait);
        return wait;
    }

    /** Addresses whose wait ended one longest wait ago start afresh; beyond the cap the soonest-free goes. */
    private void forget(Instant now) {
        addresses.values().removeIf(b -> now.isAfter(b.until.plus(WebLimits.PAIRING_BACKOFF_MAX)));
        while (addresses.size() >= WebLimits.PAIRING_ADDRESSES) {
            addresses.entrySet().stream().min(Comparator.comparing(e -> e.getValue().until))
                    .ifPresent(e -> addresses.remove(e.getKey()));
        }
    }

    private static boolean matches(String code, String typed) {
        byte[] want = sha256(code);
        byte[] got = sha256(typed == null ? "" : typed.strip());
        return MessageDigest.isEqual(want, got);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
