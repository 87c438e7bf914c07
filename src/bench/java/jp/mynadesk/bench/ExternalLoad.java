package jp.mynadesk.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cross-check of {@link HttpLoad}: {@code wrk} (an external C load generator, optional, never a dependency of
 * the build or the tests) posting the same body over the same number of connections, so that a capacity figure
 * that is really the generator's limit shows up as a ratio well below 1.
 */
final class ExternalLoad {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private final Path wrk;
    private final Path script;

    private ExternalLoad(Path wrk, Path script) {
        this.wrk = wrk;
        this.script = script;
    }

    /** {@code wrk} from the PATH with a script posting {@code body}; empty when wrk is not installed. */
    static Optional<ExternalLoad> wrk(byte[] body, Path workDir) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                Path script = workDir.resolve("post.lua");
                Files.writeString(script, luaScript(new String(body, StandardCharsets.UTF_8)));
                return Optional.of(new ExternalLoad(candidate, script));
            }
        }
        return Optional.empty();
    }

    static String luaScript(String body) {
        String level = "=";
        while (body.contains("]" + level + "]")) {
            level += "=";
        }
        return "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/xml; charset=UTF-8\"\n"
                + "wrk.body = [" + level + "[" + body + "]" + level + "]\n";
    }

    /** Requests per second over {@code seconds}, 2 threads. */
    double requestsPerSecond(URI endpoint, int connections, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(wrk.toString(), "-t2", "-c" + connections, "-d" + seconds + "s", "-s", script.toString(),
                endpoint.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return parse(out);
    }

    /** wrk's "Requests/sec" line; refused when any answer was not 2xx (the rate would not be of real answers). */
    static double parse(String wrkOutput) throws IOException {
        Matcher bad = NON_2XX.matcher(wrkOutput);
        if (bad.find()) {
            throw new IOException("wrk got " + bad.group(1) + " answers that were not 2xx");
        }
        Matcher m = RATE.matcher(wrkOutput);
        if (!m.find()) {
            throw new IOException("no Requests/sec in wrk's output: " + wrkOutput.strip());
        }
        return Double.parseDouble(m.group(1));
    }

    void delete() throws IOException {
        Files.deleteIfExists(script);
    }
}
