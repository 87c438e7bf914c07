package jp.mynadesk.screen.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may do what on the desk's pages (README, "The desk in a browser"):
 * <ul>
 *   <li>sessions live in this process only (a cookie with no expiry and a random id): they die with it, and
 *       {@link SessionTable} expires and caps them;</li>
 *   <li>every state-changing call carries the session's CSRF token in a header, which another site's page can
 *       neither read nor send;</li>
 *   <li>the Host header must name this machine by IP literal or {@code localhost}, so a DNS-rebinding page
 *       cannot talk to the desk under a name of its own;</li>
 *   <li>the staff page answers only on the loopback interface; when the desk listens beyond it, the patient
 *       page must first enter the pairing code that the staff page shows ({@link PairingGuard}: rate-limited,
 *       locked after wrong codes, one patient screen per desk, bound to the address it paired from).</li>
 * </ul>
 */
final class Guard {
    static final String COOKIE = "mynadesk_sid";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** One browser's session. */
    static final class Session {
        final String csrf;
        final Instant created;
        /** Opened from another machine than the desk's (evicted first when the table is full). */
        final boolean fromOtherMachine;
        /** Event streams its pages hold open: a session listening is not idle. */
        final AtomicInteger streams = new AtomicInteger();
        volatile Instant lastUsed;
        volatile boolean paired;
        /** The address it paired from; a paired session is paired from there only. */
        volatile String pairedFrom;

        Session(String csrf, Instant created, boolean fromOtherMachine) {
            this.csrf = csrf;
            this.created = created;
            this.lastUsed = created;
            this.fromOtherMachine = fromOtherMachine;
        }
    }

    private final SecureRandom random;
    private final boolean pairingRequired;
    private final SessionTable sessions;
    private final PairingGuard pairing;

    Guard(SecureRandom random, boolean pairingRequired) {
        this(random, pairingRequired, Clock.systemUTC());
    }

    /** @param clock for session expiry and the pairing backoff */
    Guard(SecureRandom random, boolean pairingRequired, Clock clock) {
        this.random = random;
        this.pairingRequired = pairingRequired;
        this.sessions = new SessionTable(clock, WebLimits.SESSIONS);
        this.pairing = pairingRequired ? new PairingGuard(random, clock) : null;
        if (pairing != null) {
            pairing.open(); // starting the desk beyond loopback is the staff's first opening
        }
    }

    boolean pairingRequired() {
        return pairingRequired;
    }

    String pairingCode() {
        return pairing == null ? null : pairing.code();
    }

    /** Pairing as the staff page shows it (closed and unlocked when the desk listens on loopback only). */
    PairingGuard.View pairingView() {
        return pairing == null ? new PairingGuard.View(false, null, false) : pairing.view();
    }

    /** Staff open pairing (again): a new code, the lock lifted. */
    PairingGuard.View openPairing() {
        return pairing == null ? pairingView() : pairing.open();
    }

    /** Codes compared so far (the figure of docs/WEB.md §1.1). */
    long pairingCodesCompared() {
        return pairing == null ? 0 : pairing.compared();
    }

    Session session(String id) {
        return sessions.get(id);
    }

    int sessionCount() {
        return sessions.size();
    }

    /** A new session: its id (for the cookie) and its CSRF token. */
    Map.Entry<String, Session> newSession() {
        return newSession(false);
    }

    Map.Entry<String, Session> newSession(boolean fromOtherMachine) {
        String id = token();
        Session s = new Session(token(), sessions.now(), fromOtherMachine);
        s.paired = !pairingRequired;
        sessions.put(id, s);
        return Map.entry(id, s);
    }

    /** Whether {@code s} may use the patient page from {@code address}. */
    boolean paired(Session s, String address) {
        return s != null && s.paired && (!pairingRequired || java.util.Objects.equals(s.pairedFrom, address));
    }

    static boolean csrfMatches(Session s, String sent) {
        return s != null && sent != null && MessageDigest.isEqual(s.csrf.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Pairs the session from {@code address} when the code matches while pairing is open; the session becomes the
     * desk's one patient screen and every other session stops being paired.
     */
    PairingGuard.Attempt pair(Session s, String code, String address) {
        if (!pairingRequired) {
            return new PairingGuard.Attempt(PairingGuard.Result.PAIRED, java.time.Duration.ZERO);
        }
        PairingGuard.Attempt a = pairing.attempt(address, code);
        if (a.result() == PairingGuard.Result.PAIRED) {
            s.pairedFrom = address;
            s.paired = true;
            sessions.unpairAllBut(s);
        }
        return a;
    }

    /** The staff page: only from this machine. */
    static boolean fromThisMachine(String remoteAddress) {
        try {
            return remoteAddress != null && InetAddress.getByName(stripBrackets(remoteAddress)).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An IP literal or localhost, with or without a port; anything else is a name someone else controls. */
    static boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).matches("[0-9a-fA-F:.]+");
        }
        int colon = h.lastIndexOf(':');
        String name = colon >= 0 ? h.substring(0, colon) : h;
        return name.equalsIgnoreCase("localhost") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String stripBrackets(String a) {
        return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }

    private String token() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
