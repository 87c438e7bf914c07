package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The {@code sqlite3} command-line tool (apt package sqlite3): how someone edits the record outside the program. */
final class Sqlite3Tool {
    private Sqlite3Tool() {}

    static String run(Path db, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", db.toString(), sql).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqlite3 did not finish");
        }
        assertEquals(0, p.exitValue(), "sqlite3 " + sql + ": " + output);
        return output;
    }
}
