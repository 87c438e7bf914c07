package jp.mynadesk.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every process of the test cluster {@code .ci/postgres-up.sh} started, stopped with SIGSTOP: a server that
 * accepts connections (the kernel still completes the TCP handshake) and never answers. Found by the cluster's
 * data folder ({@code postmaster.pid}); always {@link #close() continued} again, in a try-with-resources.
 */
public final class PostgresFreeze implements AutoCloseable {
    private static final Path STATE = Path.of("/tmp/mynadesk-pg-test.dir");
    private final List<Long> pids = new ArrayList<>();

    private PostgresFreeze() {}

    /** Stops the postmaster and all its children; skips the test when the cluster is not one the script started. */
    public static PostgresFreeze stopAll() throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(STATE), "the test PostgreSQL was not started by .ci/postgres-up.sh");
        Path pidFile = Path.of(Files.readString(STATE).strip(), "data", "postmaster.pid");
        assumeTrue(Files.isRegularFile(pidFile), "no postmaster.pid in the test cluster's data folder");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        ProcessHandle main = ProcessHandle.of(postmaster).orElseThrow(() -> new IllegalStateException("postmaster gone"));
        PostgresFreeze freeze = new PostgresFreeze();
        // the postmaster first, so it starts no new backend while its children are being stopped
        Stream.concat(Stream.of(main), main.descendants()).forEach(p -> freeze.pids.add(p.pid()));
        try {
            freeze.signal("STOP");
            main.descendants().map(ProcessHandle::pid).filter(p -> !freeze.pids.contains(p)).forEach(freeze.pids::add);
            freeze.signal("STOP");
        } catch (IOException | InterruptedException | RuntimeException e) {
            freeze.close();
            throw e;
        }
        return freeze;
    }

    public int processes() {
        return pids.size();
    }

    private void signal(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        if (!kill.waitFor(30, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
        }
    }

    /** SIGCONT to every process stopped. */
    @Override
    public void close() throws IOException, InterruptedException {
        signal("CONT");
    }
}
