package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.store.ChainRewriteTest.CliResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the data folder (issue 22 item 13): a one-shot {@code check}, {@code visits} and {@code db verify}
 * say ディスクがいっぱい, not that the folder's permissions are wrong. The disk is a 4 MB tmpfs mounted for the test
 * (root only; skipped elsewhere), filled after the record was made.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    Path mount;
    boolean mounted;

    @BeforeEach
    void mountATinyDisk() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        mount = Files.createDirectory(dir.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()) == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void aFullDiskIsCalledAFullDisk() throws Exception {
        Path data = mount.resolve("data");
        CliResult first = ChainRewriteTest.cli("check", "--virtual", "default", "--data", data.toString(),
                "--as-of", "2026-12-01T09:30:00+09:00");
        assertEquals(0, first.code(), first.text());
        fill(mount);

        for (String[] args : new String[][] {
                {"check", "--virtual", "default", "--data", data.toString(), "--as-of", "2026-12-01T09:31:00+09:00"},
                {"visits", "--data", data.toString()},
                {"db", "verify", "--data", data.toString()}}) {
            CliResult r = ChainRewriteTest.cli(args);
            System.out.println("full disk: " + String.join(" ", args).replace(data.toString(), "DATA") + " -> " + r.code()
                    + " " + r.text().replace('\n', ' '));
            assertTrue(r.code() != 0 || !args[0].equals("check"), "nothing can be recorded on a full disk");
            if (r.code() != 0) { // a read may still succeed; when it does not, it names the full disk
                assertEquals(3, r.code(), r.text());
                assertTrue(r.text().contains("ディスクがいっぱい"), r.text());
                assertFalse(r.text().contains("権限"), r.text());
            }
        }
    }

    /** Writes a file until the disk refuses another byte. */
    private static void fill(Path disk) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), String.valueOf(full));
        }
        try (OutputStream out = Files.newOutputStream(disk.resolve("filler2"))) {
            for (int i = 0; i < 64 * 1024; i++) {
                out.write(0);
                out.flush();
            }
        } catch (IOException alsoFull) {
            // to the last byte
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }
}
