package jp.mynadesk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Small file-system helpers for what the store keeps beside the record: folder sync, and why a write failed. */
final class Durable {
    /** Below this much free space, a failed write is put down to a full disk. */
    static final long NEARLY_FULL_BYTES = 1 << 20;

    private Durable() {}

    /** Makes a new file's name in {@code dir} durable (fsync of the folder); a platform that cannot is left alone. */
    static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // some platforms cannot open a folder for reading; the file's own fsync still holds its bytes
        }
    }

    /** Whether the file system holding {@code dir} (or its nearest existing parent) is full or nearly so. */
    static boolean diskFull(Path dir) {
        Path p = dir == null ? null : dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return false;
        }
        try {
            return Files.getFileStore(p).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Why writing in {@code dir} failed, for the user: a full disk, else where and what to check. */
    static String why(Exception e, Path dir) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left") || m.contains("Disk quota exceeded") || diskFull(dir)) {
            return "ディスクがいっぱいです。空き容量を作ってからもう一度試してください";
        }
        return "フォルダの場所と権限を確かめてください";
    }
}
