package jp.mynadesk.station;

import java.nio.charset.StandardCharsets;
import jp.mynadesk.oqs.XmlNode;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.store.Stores;
import jp.mynadesk.virtualcard.CardProfiles;

/**
 * Start-up work of a one-shot reception check done on the second core while the main thread reads the command line
 * (Picocli's reflection, ~60 ms): the built-in card profiles, the simulator's standard CA (with it the JDK's RSA,
 * X.509 and SHA-256 code), SQLite's native library and driver, and the XML reader (issue 23, docs/ARCHITECTURE.md
 * "Start-up"). In a one-shot check on two cores the station then opened 20-40 ms sooner (its card was no longer made
 * while the CA was, nor its record opened while SQLite loaded its locale data).
 *
 * <p>Only class initialisations and look-ups the check would otherwise do first itself: none of them depends on the
 * command line or changes what the check reads, and all are safe to race with the same call on the main thread (JVM
 * class initialisation and the JDK's provider look-ups are; {@link Stores#loadSqlite} is synchronized). A failure is
 * dropped here: the check meets it again where it belongs and reports it there.
 */
public final class Warmup {
    private Warmup() {}

    /** Starts the warm-up on a daemon thread (it never holds the JVM open) and returns at once. */
    public static void start() {
        Thread thread = new Thread(Warmup::run, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    static void run() {
        try {
            // in the order the check needs them: the profile, the card's CA, the record, the service's answers
            CardProfiles.list();
            TestCa.standard();
            Stores.loadSqlite();
            XmlNode.parse("<warm-up/>".getBytes(StandardCharsets.UTF_8));
        } catch (Exception | LinkageError e) {
            // see the class comment: the check itself meets and reports it
        }
    }
}
