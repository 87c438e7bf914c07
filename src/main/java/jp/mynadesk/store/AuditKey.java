package jp.mynadesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.mynadesk.desk.StoreException;

/**
 * The installation's audit key: 32 random bytes in a file outside the record ({@code <data>/audit.key}, or the file
 * {@code $MYNADESK_AUDIT_KEY_FILE} names for a record several desks share), readable by its owner only. The audit
 * chain's hashes are HMAC-SHA-256 under it, so someone who can edit the database but not read this file cannot
 * re-hash an edited chain. The file holds one line: the key in base64. Made once, when a record is first sealed;
 * never made again for a record that already has a key (a missing key is reported, not replaced).
 */
final class AuditKey {
    private static final int BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] key;
    private final Path file;
    private final String id;

    private AuditKey(byte[] key, Path file) {
        this.key = key;
        this.file = file;
        this.id = base64(macOf("mynadesk audit key id v1")).substring(0, 16);
    }

    /** A key for tests that build a record by hand. */
    static AuditKey of(byte[] key) {
        return new AuditKey(key.clone(), null);
    }

    /** Where the key was read from (messages). */
    Path file() {
        return file;
    }

    /**
     * A short fingerprint kept in the record, so a desk with another key is told so instead of writing entries the
     * record's own desks cannot verify. It says nothing about the key (an HMAC of a fixed text).
     */
    String id() {
        return id;
    }

    /** HMAC-SHA-256 of the UTF-8 text, base64. */
    String mac(String text) {
        return base64(macOf(text));
    }

    /** Compares two MACs in constant time. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private byte[] macOf(String text) {
        return newMac().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The key in {@code file}, or empty when there is no such file. */
    static Optional<AuditKey> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ownerOnly(file);
            String line = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] key = Base64.getDecoder().decode(line);
            if (key.length != BYTES) {
                throw new IllegalArgumentException("length " + key.length);
            }
            return Optional.of(new AuditKey(key, file));
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Kind.CORRUPT, "監査鍵のファイル " + file + " が壊れています（鍵は base64 で 32 "
                    + "バイトのはず）。鍵のバックアップから戻してください。", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "監査鍵のファイル " + file
                    + " を読めません。ファイルの場所と権限を確かめてください。", e);
        }
    }

    /**
     * The key in {@code file}, made first when there is none: written beside it under a temporary name with
     * owner-only permissions, flushed to disk, then linked into place, so two desks making it at once both end up
     * with the one that got there first and nobody reads half a key.
     */
    static AuditKey readOrCreate(Path file) {
        Optional<AuditKey> existing = read(file);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Path partial = null;
        try {
            try {
                partial = Files.createTempFile(dir, file.getFileName() + ".", ".partial",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                partial = Files.createTempFile(dir, file.getFileName() + ".", ".partial"); // no POSIX permissions to set
            }
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap((base64(key) + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            try {
                Files.createLink(file, partial);
            } catch (FileAlreadyExistsException lost) {
                // another desk made it a moment ago: theirs is the key
            } catch (UnsupportedOperationException noLinks) {
                Files.move(partial, file); // fails if it exists meanwhile: then theirs is the key
                partial = null;
            }
            Durable.syncFolder(dir);
        } catch (FileAlreadyExistsException lost) {
            // the move above lost the race
        } catch (IOException | UnsupportedOperationException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "監査鍵のファイル " + file + " を作れません（"
                    + Durable.why(e, dir) + "）。", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a leftover .partial holds a key no record uses
                }
            }
        }
        return read(file).orElseThrow(() -> new StoreException(StoreException.Kind.UNAVAILABLE,
                "監査鍵のファイル " + file + " を作れません。", null));
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new StoreException(StoreException.Kind.UNAVAILABLE, "監査鍵のファイル " + file + " は他の人も読み書きできます。"
                        + "本人だけが読めるようにしてください（chmod 600 " + file + "）。", null);
            }
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: nothing to check here
        }
    }
}
