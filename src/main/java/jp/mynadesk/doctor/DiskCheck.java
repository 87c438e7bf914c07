package jp.mynadesk.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free space where the data folder is (the record, its backups and the operations log): less than 1 GiB is 警告, less
 * than 100 MiB 異常. A data folder that exists but cannot be written is 異常 too. A folder not made yet is measured at
 * its nearest existing parent.
 */
public final class DiskCheck implements Check {
    public static final String NAME = "disk";
    public static final long WARN_BYTES = 1L << 30;
    public static final long PROBLEM_BYTES = 100L << 20;

    /** Usable bytes on the file system holding a path ({@code Files.getFileStore(p).getUsableSpace()}). */
    @FunctionalInterface
    public interface FreeSpace {
        long usableBytes(Path existing) throws IOException;

        FreeSpace SYSTEM = p -> Files.getFileStore(p).getUsableSpace();
    }

    private final Path folder;
    private final FreeSpace space;

    public DiskCheck(Path folder, FreeSpace space) {
        this.folder = folder.toAbsolutePath().normalize();
        this.space = space;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding run() {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Finding.problem(NAME, "データフォルダ " + folder + " の場所がありません。", "設定の record（mynadesk settings show）を確かめてください。");
        }
        if (existing.equals(folder) && !(Files.isDirectory(folder) && Files.isWritable(folder))) {
            return Finding.problem(NAME, "データフォルダ " + folder + " に書き込めません。",
                    "受付を動かす利用者が書き込めるよう、フォルダの権限を確かめてください。");
        }
        long free;
        try {
            free = space.usableBytes(existing);
        } catch (IOException e) {
            return Finding.warning(NAME, "データフォルダ " + folder + " の空き容量を調べられません。", "ディスクの状態を確かめてください。");
        }
        String message = "データフォルダ " + folder + (existing.equals(folder) ? "" : "（まだありません）") + " の空き容量は "
                + size(free) + "。";
        if (free < PROBLEM_BYTES) {
            return Finding.problem(NAME, message + "100 MiB を下回っていて、受付を記録できなくなるおそれがあります。", CLEAN);
        }
        if (free < WARN_BYTES) {
            return Finding.warning(NAME, message + "1 GiB を下回っています。", CLEAN);
        }
        return Finding.ok(NAME, message);
    }

    private static final String CLEAN = "不要なファイルを消すか、古いバックアップを別の場所に移して空きを作ってください。";

    /** 1.5 GiB, 512 MiB, 900 KiB. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MiB";
        }
        return (bytes >> 10) + " KiB";
    }
}
