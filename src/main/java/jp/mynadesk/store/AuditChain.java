package jp.mynadesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import jp.mynadesk.desk.VisitJson;

/**
 * The append-only audit log. Each entry's hash covers the previous entry's hash and the entry itself (seq, time,
 * action, entity, payload), so editing, deleting or reordering any entry breaks every hash after it. Entries are
 * appended inside the transaction of the change they describe. Hashes are base64, not hex: long hex digit runs
 * would look like a My Number to the at-rest scan.
 *
 * <p>Keyed: the hash is HMAC-SHA-256 under the installation's {@link AuditKey}, so a chain edited with a database
 * tool cannot be re-hashed by whoever lacks the key file. Records made before keys hold plain SHA-256 entries up to
 * the point they were sealed ({@link Sealing}); those are still checked with the plain formula.
 */
final class AuditChain {
    /** The {@code prev_hash} of the first entry. */
    static final String GENESIS = "";

    enum Action {
        VISIT_RECORDED("visit-recorded"),
        RECHECK_STATE_CHANGED("recheck-state-changed"),
        CONSENT_REVOKED("consent-revoked"),
        RECHECK_RUN_RECORDED("recheck-run-recorded");

        final String code;

        Action(String code) {
            this.code = code;
        }
    }

    /** One stored entry. */
    record Entry(long seq, String at, String action, String entity, String payload, String prevHash, String hash) {
        /** The hash this entry should have, given the hash before it; {@code key} null: the plain formula. */
        String expectedHash(String previous, AuditKey key) {
            return AuditChain.hash(key, previous, seq, at, action, entity, VisitJson.parse(payload));
        }
    }

    private final Clock clock;
    private final AuditKey key;

    /** The unkeyed chain of records made before keys (tests build such a record by hand). */
    AuditChain(Clock clock) {
        this(clock, null);
    }

    AuditChain(Clock clock, AuditKey key) {
        this.clock = clock;
        this.key = key;
    }

    /** Appends an entry; call inside the write transaction of the change. Returns the chain's new head. */
    Anchor.Checkpoint append(Connection c, Action action, String entity, JsonNode payload) throws SQLException {
        long seq = 1;
        String previous = GENESIS;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        String at = OffsetDateTime.now(clock).toString();
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO audit (seq, at, action, entity, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, seq);
            p.setString(2, at);
            p.setString(3, action.code);
            p.setString(4, entity);
            p.setString(5, Canonical.text(payload));
            p.setString(6, previous);
            String hash = hash(key, previous, seq, at, action.code, entity, payload);
            p.setString(7, hash);
            p.executeUpdate();
            return new Anchor.Checkpoint(seq, hash);
        }
    }

    /** The chain's head: its number of entries and the last one's hash (0 and {@link #GENESIS} when empty). */
    static Anchor.Checkpoint head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new Anchor.Checkpoint(rs.getLong(1), rs.getString(2)) : new Anchor.Checkpoint(0, GENESIS);
        }
    }

    /** The hash of one entry at {@code seq}, or null when there is no such entry. */
    static String hashAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT hash FROM audit WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** {@code key} null: plain SHA-256, as records made before keys were hashed. */
    static String hash(AuditKey key, String previous, long seq, String at, String action, String entity, JsonNode payload) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("seq", seq);
        entry.put("at", at);
        entry.put("action", action);
        entry.put("entity", entity);
        entry.set("payload", payload);
        byte[] before = previous.getBytes(StandardCharsets.UTF_8);
        byte[] body = Canonical.text(entry).getBytes(StandardCharsets.UTF_8);
        if (key != null) {
            javax.crypto.Mac mac = key.newMac();
            mac.update(before);
            mac.update((byte) '\n');
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(before);
            sha.update((byte) '\n');
            sha.update(body);
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
