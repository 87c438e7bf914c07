package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a disk to fill ({@link FullDiskTest} needs root): the words for a failed write in the data folder. */
class DurableTest {
    @TempDir
    Path dir;

    @Test
    void theErrorOrTheFreeSpaceNamesAFullDisk() {
        assertTrue(Durable.why(new IOException("No space left on device"), dir).contains("ディスクがいっぱい"));
        assertTrue(Durable.why(new IOException("Disk quota exceeded"), dir).contains("ディスクがいっぱい"));
        assertTrue(Durable.why(new IOException("Permission denied"), dir).contains("権限"), "with space left: permissions");
    }
}
