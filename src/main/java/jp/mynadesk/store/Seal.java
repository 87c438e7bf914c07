package jp.mynadesk.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * What is kept outside the record so that it cannot be quietly rewritten or lost (docs/DESK.md, "The record"): the
 * installation's audit key and this desk's anchor file of chain-head checkpoints.
 *
 * @param keyFile    the audit key ({@value #KEY_FILE} in the data folder, or {@code $MYNADESK_AUDIT_KEY_FILE})
 * @param anchorFile the checkpoints, in this desk's data folder; null only for a throwaway record (tests, bench)
 */
public record Seal(Path keyFile, Path anchorFile) {
    public static final String KEY_FILE = "audit.key";
    public static final String ANCHOR_FILE = "mynadesk.anchor";
    /** The audit key of a record several desks share: every desk names the same key (a copy of one file). */
    public static final String KEY_FILE_ENV = "MYNADESK_AUDIT_KEY_FILE";

    /** The SQLite record in {@code dataDir}: its key and anchor beside it. */
    public static Seal in(Path dataDir) {
        return new Seal(dataDir.resolve(KEY_FILE), dataDir.resolve(ANCHOR_FILE));
    }

    /**
     * A shared record, seen from the desk whose data folder is {@code dataDir}: the key the database names (else
     * the folder's own), and an anchor file of its own per record, named after the record's URL.
     */
    public static Seal shared(SharedDatabase db, Path dataDir) {
        Path key = db.auditKeyFile() != null ? db.auditKeyFile() : dataDir.resolve(KEY_FILE);
        return new Seal(key, dataDir.resolve("mynadesk-" + tag(db.url()) + ".anchor"));
    }

    /** A short, file-name-safe tag of a URL (base64url of its SHA-256, 12 characters; no long digit runs). */
    static String tag(String url) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(url.strip().toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(h, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
