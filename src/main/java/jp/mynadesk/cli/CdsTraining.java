package jp.mynadesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.mynadesk.bench.StartupBench;
import jp.mynadesk.oqs.server.OqsServer;

/**
 * The training run the build makes under {@code -XX:ArchiveClassesAtExit}: runs the one-shot commands the start-up
 * benchmark times, so that the class-data archive {@code ./mynadesk} uses holds the classes they load.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Path dir = Files.createTempDirectory("mynadesk-cds");
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0))) {
            for (List<String> command : StartupBench.commands(StartupBench.writeDocsInput(dir), service.uri(), dir.resolve("data"))) {
                Main.run(command.toArray(String[]::new), sink, sink);
            }
            Main.run(new String[] {"--help"}, sink, sink);
        } finally {
            StartupBench.emptyFolder(dir);
            Files.delete(dir);
        }
    }
}
