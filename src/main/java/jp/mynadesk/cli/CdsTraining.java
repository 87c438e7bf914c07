package jp.mynadesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mynadesk.oqs.server.OqsServer;

/**
 * The training runs the build makes under {@code -XX:ArchiveClassesAtExit}, one per class-data archive that
 * {@code ./mynadesk} uses: {@code one-shot} runs the light commands the start-up benchmark times, each with and
 * without {@code --json}; {@code desk} runs a reception check against a mock service, and the root help; {@code all}
 * runs both, for the JDK 25+ AOT cache ({@code -XX:AOTCacheOutput}), which ./mynadesk uses for every command but
 * {@code check}; {@code check} runs a reception check alone, against a mock service in a child JVM, for the JDK 25+
 * cache of {@code check}: an AOT cache loads every class it holds at start, and without the mock's classes (its HTTP
 * server, registry and signing) a one-shot check started 27 ms sooner (median of 12 interleaved rounds, 285 vs
 * 312 ms; issue 23).
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Path dir = Files.createTempDirectory("mynadesk-cds");
        try {
            String training = args.length == 1 ? args[0] : "";
            if (!List.of("one-shot", "desk", "all", "check").contains(training)) {
                throw new IllegalArgumentException("training: one-shot, desk, all or check");
            }
            if (training.equals("check")) {
                try (ChildService service = ChildService.start()) {
                    Main.run(check(service.uri(), dir.resolve("data")).toArray(String[]::new), sink, sink);
                }
            }
            if (training.equals("one-shot") || training.equals("all")) {
                for (List<String> command : oneShot(writeDocsInput(dir))) {
                    Main.run(command.toArray(String[]::new), sink, sink);
                    if (!command.get(0).startsWith("-")) {
                        Main.run(toggleJson(command), sink, sink);
                    }
                }
            }
            if (training.equals("desk") || training.equals("all")) {
                try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0))) {
                    Main.run(check(service.uri(), dir.resolve("data")).toArray(String[]::new), sink, sink);
                }
                Main.run(new String[] {"--help"}, sink, sink);
            }
        } finally {
            emptyFolder(dir);
            Files.delete(dir);
        }
    }

    /** The light one-shot commands (no card, no service, no record). */
    public static List<List<String>> oneShot(Path docsInput) {
        return List.of(
                List.of("--version"),
                List.of("insurer-number", "check", "01130012"),
                List.of("ceiling", "--json", "--class", "A03", "--total", "1000000", "--date", "2026-09-01"),
                List.of("docs", "check", docsInput.toString(), "--json"));
    }

    /** One reception check with the virtual card, recorded in {@code data}. */
    public static List<String> check(URI service, Path data) {
        return List.of("check", "--json", "--virtual", "default", "--service", service.toString(), "--data", data.toString());
    }

    /** Writes a sample {@code docs check} input (a valid 資格確認書 with a card) into {@code dir}. */
    public static Path writeDocsInput(Path dir) throws IOException {
        Path file = dir.resolve("docs-check-sample.json");
        try (InputStream in = CdsTraining.class.getResourceAsStream("docs-check-sample.json")) {
            Files.copy(Objects.requireNonNull(in, "docs-check-sample.json resource"), file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
    /** Deletes what the commands left in {@code dir} (the sample, the check's data folder), keeping {@code dir}. */
    public static void emptyFolder(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The same command with {@code --json} if it had none, without it if it had. */
    private static String[] toggleJson(List<String> command) {
        List<String> toggled = new ArrayList<>(command);
        if (!toggled.remove("--json")) {
            toggled.add("--json");
        }
        return toggled.toArray(String[]::new);
    }

    /** {@code mynadesk service start --port 0} in a child JVM with this one's class path, stopped on close. */
    static final class ChildService implements AutoCloseable {
        private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/");
        private final Process process;
        private final URI uri;

        private ChildService(Process process, URI uri) {
            this.process = process;
            this.uri = uri;
        }

        static ChildService start() throws IOException {
            Path jvm = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(jvm.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "service", "start", "--port", "0")
                    .redirectErrorStream(true).start();
            var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    return new ChildService(p, URI.create(m.group()));
                }
            }
            p.destroyForcibly();
            throw new IOException("the mock service did not start (exit " + waitFor(p) + ")");
        }

        URI uri() {
            return uri;
        }

        Process process() {
            return process;
        }

        @Override
        public void close() {
            process.destroy();
            waitFor(process);
        }

        private static int waitFor(Process p) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }
}
