package jp.mynadesk.screen.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may do what on the desk's pages (README, "The desk in a browser"):
 * <ul>
 *   <li>sessions live in this process only (a cookie with no expiry and a random id): they die with it;</li>
 *   <li>every state-changing call carries the session's CSRF token in a header, which another site's page can
 *       neither read nor send;</li>
 *   <li>the Host header must name this machine by IP literal or {@code localhost}, so a DNS-rebinding page
 *       cannot talk to the desk under a name of its own;</li>
 *   <li>the staff page answers only on the loopback interface; when the desk listens beyond it, the patient
 *       page must first enter the pairing code that the staff page shows. Five wrong codes draw a new one.</li>
 * </ul>
 */
final class Guard {
    static final String COOKIE = "mynadesk_sid";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int PAIRING_TRIES = 5;

    /** One browser's session. */
    static final class Session {
        final String csrf;
        volatile boolean paired;

        Session(String csrf) {
            this.csrf = csrf;
        }
    }

    private final SecureRandom random;
    private final boolean pairingRequired;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private String pairingCode;
    private int wrongCodes;

    Guard(SecureRandom random, boolean pairingRequired) {
        this.random = random;
        this.pairingRequired = pairingRequired;
        this.pairingCode = pairingRequired ? newCode() : null;
    }

    boolean pairingRequired() {
        return pairingRequired;
    }

    synchronized String pairingCode() {
        return pairingCode;
    }

    Session session(String id) {
        return id == null ? null : sessions.get(id);
    }

    /** A new session: its id (for the cookie) and its CSRF token. */
    Map.Entry<String, Session> newSession() {
        String id = token();
        Session s = new Session(token());
        s.paired = !pairingRequired;
        sessions.put(id, s);
        return Map.entry(id, s);
    }

    static boolean csrfMatches(Session s, String sent) {
        return s != null && sent != null && MessageDigest.isEqual(s.csrf.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** Pairs the session when the code matches; five wrong codes in a row draw a new code. */
    synchronized boolean pair(Session s, String code) {
        if (!pairingRequired) {
            return true;
        }
        if (code != null && MessageDigest.isEqual(pairingCode.getBytes(StandardCharsets.US_ASCII),
                code.strip().getBytes(StandardCharsets.US_ASCII))) {
            s.paired = true;
            wrongCodes = 0;
            return true;
        }
        if (++wrongCodes >= PAIRING_TRIES) {
            pairingCode = newCode();
            wrongCodes = 0;
        }
        return false;
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

    private String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }
}
