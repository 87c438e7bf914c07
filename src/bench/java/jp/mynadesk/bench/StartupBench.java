package jp.mynadesk.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.bench.BenchReport.Target;
import jp.mynadesk.cli.CdsTraining;
import jp.mynadesk.oqs.server.OqsServer;

/**
 * Start-up of the one-shot commands, each run as a child process through the launcher users run
 * ({@code ./mynadesk}: class-data archive, C1, Serial GC), against {@code java -version} timed in the same rounds,
 * so that a loaded machine slows both. Target: each command within 3× {@code java -version}. {@code check --json}
 * is timed against a mock service this process runs, with the virtual card and a data folder of its own.
 */
public final class StartupBench {
    /**
     * The one-shot commands timed, as typed after {@code mynadesk}: {@code docsInput} is from {@link CdsTraining#writeDocsInput},
     * {@code service} a running mock service, {@code data} the check's data folder.
     */
    public static List<List<String>> commands(Path docsInput, URI service, Path data) {
        List<List<String>> all = new ArrayList<>(CdsTraining.oneShot(docsInput));
        all.add(CdsTraining.check(service, data));
        return all;
    }

    static final double RATIO_TARGET = 3.0;

    private StartupBench() {}

    public static BenchReport run(Path launcher, String java, int rounds, Path workDir) throws IOException, InterruptedException {
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0))) {
            return run(commands(CdsTraining.writeDocsInput(workDir), service.uri(), workDir.resolve("data")), launcher, java, rounds);
        } finally {
            CdsTraining.emptyFolder(workDir);
        }
    }

    private static BenchReport run(List<List<String>> oneShot, Path launcher, String java, int rounds)
            throws IOException, InterruptedException {
        BenchReport report = new BenchReport("start-up (child processes, wall time to exit)");
        report.note("launcher " + launcher + "; baseline " + java + " -version; " + rounds + " rounds, interleaved");
        timeOnce(List.of(java, "-version"));
        double[] baseline = new double[rounds];
        double[][] commands = new double[oneShot.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            baseline[r] = timeOnce(List.of(java, "-version"));
            for (int c = 0; c < oneShot.size(); c++) {
                List<String> cmd = new ArrayList<>();
                cmd.add(launcher.toString());
                cmd.addAll(oneShot.get(c));
                commands[c][r] = timeOnce(cmd);
            }
        }
        report.add("java -version", "ms", baseline, null);
        for (int c = 0; c < oneShot.size(); c++) {
            report.add("mynadesk " + String.join(" ", oneShot.get(c)), "ms", commands[c], null);
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = commands[c][r] / baseline[r];
            }
            report.add("  ... / java -version", "x", ratio, Target.atMost(RATIO_TARGET));
        }
        return report;
    }

    private static double timeOnce(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited " + code);
        }
        return ms;
    }
}
