/**
 * The desk in a browser ({@code desk --web}): {@code WebDesk} (Javalin 6 on Jetty; routes, static pages and plain
 * JS/CSS from {@code resources/jp/mynadesk/web}, server-sent events), {@code DeskSession} (the one open {@code
 * ReceptionCheck}, every event on one desk thread; a stale page's event is refused, not applied), {@code DeskView}
 * (staff view with reason, next step and insurance; patient view with PIN tries, consent questions and the end only),
 * {@code Forms} (typed documents and 申立書 through {@code desk.DocumentForm} / {@code desk.DeclarationForm}), {@code
 * PinBody} (the PIN read into a {@code char[]}, never a String), {@code Guard} (process-lifetime sessions, CSRF
 * header, Host check against DNS rebinding, staff pages on loopback only, pairing code beyond loopback), {@code
 * StatusWatch} (reader events, the client's breaker state). No business rule: the workflow decides.
 *
 * <p><b>The pages at the desk.</b> docs/DESK.md, "The web desk": {@code ConsentBody} (every consent category answered
 * yes or no, else asked again), {@code PatientScreen} (the one patient page per desk — the last opened holds it — and
 * what it shows between checks: the ending for 15 s on the desk's clock or until the card is taken, the card on the
 * reader never asked for), {@code ScanView} (a QR read, typed by a keyboard-wedge reader or from an image, shown in
 * Japanese with {@code DocumentForm}'s problems before use), {@code WebText} (sentences only the pages say). {@code
 * StatusWatch} follows the breaker and the client's last answer and probes the health while down.
 *
 * <p><b>The LAN limits.</b> Every limit named in {@code WebLimits} with its reason (docs/WEB.md §1): {@code
 * PairingGuard} (code open only after a staff act, one tablet per opening, per-address backoff 10 s → 10 min, one
 * comparison per second overall, locked after 5 wrong codes until staff open it again, SHA-256 constant-time
 * compare), {@code SessionTable} (1,000 sessions, 30 min idle unless listening, 24 h life, LAN unpaired evicted
 * first), {@code BodyLimit} (a servlet filter: Content-Length or chunked, 1 MiB / patient 4 KiB / scan 8 MiB, 413 and
 * the connection closed), {@code ConnectionGuard} (a Jetty {@code Connection.Listener}: 64 LAN connections, 16 per
 * address, loopback uncounted; header time-out 10 s), {@code StreamLimit} (8 staff and 4 patient event streams),
 * {@code WebServerLimits} (the connector, idle time-out, Jetty's minimum body rate).
 */
package jp.mynadesk.screen.web;
