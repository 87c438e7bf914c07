package jp.mynadesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.bench.StartupBench;
import jp.mynadesk.oqs.server.OqsServer;

/**
 * The training runs the build makes under {@code -XX:ArchiveClassesAtExit}, one per class-data archive that
 * {@code ./mynadesk} uses: {@code one-shot} runs the light commands the start-up benchmark times, each with and
 * without {@code --json}; {@code desk} runs a reception check against a mock service, and the root help.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Path dir = Files.createTempDirectory("mynadesk-cds");
        try {
            if (args.length == 1 && args[0].equals("one-shot")) {
                for (List<String> command : StartupBench.oneShot(StartupBench.writeDocsInput(dir))) {
                    Main.run(command.toArray(String[]::new), sink, sink);
                    if (!command.get(0).startsWith("-")) {
                        Main.run(toggleJson(command), sink, sink);
                    }
                }
            } else if (args.length == 1 && args[0].equals("desk")) {
                try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0))) {
                    Main.run(StartupBench.check(service.uri(), dir.resolve("data")).toArray(String[]::new), sink, sink);
                }
                Main.run(new String[] {"--help"}, sink, sink);
            } else {
                throw new IllegalArgumentException("training: one-shot or desk");
            }
        } finally {
            StartupBench.emptyFolder(dir);
            Files.delete(dir);
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
}
