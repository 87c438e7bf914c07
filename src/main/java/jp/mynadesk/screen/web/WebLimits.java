package jp.mynadesk.screen.web;

import java.time.Duration;

/**
 * Every limit of the desk's web server in one place, each with the reason for its value (docs/WEB.md §1). A
 * clinic's desk serves one staff machine and one or two patient screens, so each limit is far above what those
 * need and far below what exhausts the process.
 */
final class WebLimits {
    private WebLimits() {}

    // --- request bodies (BodyLimit) ---------------------------------------------------------------------------

    /** Any JSON body: the largest form (a typed document with address) is under 2 KiB; 1 MiB leaves ample room. */
    static final long BODY_BYTES = 1L << 20;
    /** The patient endpoints (pairing code, PIN, four consent answers) send under 200 bytes. */
    static final long PATIENT_BODY_BYTES = 4L << 10;
    /** A photographed QR code (staff page only): a phone photo is 2–6 MB; the multipart limits say the same. */
    static final long SCAN_BODY_BYTES = 8L << 20;
    /** A request's header lines together (Jetty's default, said here): the desk's requests need under 2 KiB. */
    static final int HEADER_BYTES = 8 << 10;

    // --- pairing (PairingGuard) -----------------------------------------------------------------------------------

    /** Wrong codes in one opening before pairing locks until staff open it again: 5 guesses in 10^6 per opening. */
    static final int PAIRING_FAILURES_TO_LOCK = 5;
    /** The first wait after a wrong code from one address; it doubles with each further one. A typo costs 10 s. */
    static final Duration PAIRING_BACKOFF_FIRST = Duration.ofSeconds(10);
    /** The longest wait of one address. */
    static final Duration PAIRING_BACKOFF_MAX = Duration.ofMinutes(10);
    /** At most one code compared per second from all addresses together (many addresses gain no speed). */
    static final Duration PAIRING_GLOBAL_INTERVAL = Duration.ofSeconds(1);
    /** Addresses whose backoff is remembered; beyond it the one whose wait ends first is forgotten. */
    static final int PAIRING_ADDRESSES = 1024;

    // --- sessions (SessionTable) ----------------------------------------------------------------------------------

    /** Sessions kept at most: a desk needs a handful; the least useful is dropped first beyond it. */
    static final int SESSIONS = 1000;
    /** A session unused this long is forgotten, unless one of its pages holds an event stream open. */
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    /** No session outlives a day: a tablet is paired again each morning. */
    static final Duration SESSION_LIFETIME = Duration.ofHours(24);

    // --- connections and streams (ConnectionGuard, StreamLimit) ---------------------------------------------------

    /** Connections from other machines at once: a browser opens at most 6 per host plus its event stream. */
    static final int LAN_CONNECTIONS = 64;
    /** Connections from one other machine at once. */
    static final int LAN_CONNECTIONS_PER_ADDRESS = 16;
    /**
     * A request's header must be complete this long after the connection opened or its previous answer went
     * (slowloris); a browser sends it at once. Also ends idle keep-alive connections. From another machine the
     * body too must have arrived this long after the header (the patient endpoints read it first, and it is tiny).
     */
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** How often open connections are looked at for the header time-out. */
    static final Duration HEADER_SWEEP = Duration.ofMillis(250);
    /** Jetty's idle time-out (no byte either way): the same as Jetty's default, said here. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Staff pages listening at once (tabs on the one staff machine). */
    static final int STAFF_STREAMS = 8;
    /** Patient pages listening at once (one patient screen, with room for a reload). */
    static final int PATIENT_STREAMS = 4;
    /** A comment line on every event stream this often, so a page gone without a word frees its place. */
    static final Duration STREAM_HEARTBEAT = Duration.ofSeconds(15);
}
