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
 * ({@code ./mynadesk}: AOT cache or class-data archive, C1, Serial GC), against {@code java -version} of the same JVM
 * timed in the same rounds, so that a loaded machine slows both; the figure is the median of the per-round ratios.
 * Every JVM the launcher can use is timed: the {@code java} on {@code PATH} (JDK 17 here) and, where the build trained
 * an AOT cache, its JDK 25+ (issue 23), each through {@code MYNADESK_JAVA}. Targets: {@code check --json} (virtual
 * card, against a mock service this process runs, a data folder of its own) within 12× on JDK 17–24 and 6× on JDK
 * 25+; the light commands within 6×. The load average is printed before and after.
 */
public final class StartupBench {
    /**
     * The one-shot commands timed, as typed after {@code mynadesk}: the light ones (the root help too), then the check.
     * {@code docsInput} is from {@link CdsTraining#writeDocsInput}, {@code service} a running mock service, {@code data}
     * the check's data folder.
     */
    public static List<List<String>> commands(Path docsInput, URI service, Path data) {
        List<List<String>> all = new ArrayList<>(CdsTraining.oneShot(docsInput));
        all.add(1, List.of("--help"));
        all.add(CdsTraining.check(service, data));
        return all;
    }

    static final double LIGHT_TARGET = 6.0;
    static final double CHECK_TARGET = 12.0;
    static final double CHECK_TARGET_AOT = 6.0;
    /** The first JDK whose AOT cache (and class-data archive of Picocli's old class files) the launcher uses. */
    static final int AOT_FEATURE = 25;

    /** A JVM to time: its {@code java}, and its feature version (17, 25) from its {@code release} file; 0 unknown. */
    record Jvm(String java, int feature) {
        String label() {
            return feature > 0 ? "JDK " + feature : java;
        }
    }

    private StartupBench() {}

    public static BenchReport run(Path launcher, String java, int rounds, Path workDir) throws IOException, InterruptedException {
        try (OqsServer service = OqsServer.start(OqsServer.Config.defaults().port(0))) {
            return run(commands(CdsTraining.writeDocsInput(workDir), service.uri(), workDir.resolve("data")), launcher,
                    jvms(launcher, java), rounds);
        } finally {
            CdsTraining.emptyFolder(workDir);
        }
    }

    /**
     * The JVMs the launcher runs: the {@code java} on {@code PATH} (else {@code fallback}) and the JDK its AOT cache
     * was trained with ({@code target/mynadesk.aot.jvm} beside the launcher), when there is one and it is another.
     */
    static List<Jvm> jvms(Path launcher, String fallback) throws IOException {
        List<Jvm> jvms = new ArrayList<>();
        String path = onPath("java");
        jvms.add(jvm(path != null ? path : fallback));
        Path aotJvm = launcher.toAbsolutePath().getParent().resolve("target").resolve("mynadesk.aot.jvm");
        if (Files.isRegularFile(aotJvm)) {
            String home = Files.readString(aotJvm).strip();
            Path java = Path.of(home, "bin", "java");
            if (Files.isExecutable(java) && !sameFile(java, Path.of(jvms.get(0).java()))) {
                jvms.add(jvm(java.toString()));
            }
        }
        return jvms;
    }

    private static Jvm jvm(String java) {
        int feature = 0;
        try {
            Path home = Path.of(java).toRealPath().getParent().getParent();
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    String v = line.substring("JAVA_VERSION=\"".length());
                    int end = 0;
                    while (end < v.length() && Character.isDigit(v.charAt(end))) {
                        end++;
                    }
                    feature = end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown: timed all the same, against the JDK 17 targets
        }
        return new Jvm(java, feature);
    }

    private static String onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The check's target on this JVM: 6× where the AOT cache is used (JDK 25+), else 12×. */
    static double checkTarget(Jvm jvm) {
        return jvm.feature() >= AOT_FEATURE ? CHECK_TARGET_AOT : CHECK_TARGET;
    }

    /** The system's load averages (1, 5, 15 minutes) as {@code /proc/loadavg} gives them, or the 1-minute one. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static BenchReport run(List<List<String>> commands, Path launcher, List<Jvm> jvms, int rounds)
            throws IOException, InterruptedException {
        BenchReport report = new BenchReport("start-up (child processes, wall time to exit)");
        report.note("launcher " + launcher + "; baseline each JVM's java -version; " + rounds
                + " rounds, interleaved; the ratio is the median of the rounds' ratios");
        report.note("load average (1, 5, 15 min) before: " + loadAverage());
        int n = commands.size();
        double[][] baseline = new double[jvms.size()][rounds];
        double[][][] times = new double[jvms.size()][n][rounds];
        for (Jvm jvm : jvms) { // warm the file cache: the first run of each is not a start-up figure
            timeOnce(List.of(jvm.java(), "-version"), null);
            timeOnce(launch(launcher, List.of("--version")), jvm);
        }
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < jvms.size(); j++) {
                baseline[j][r] = timeOnce(List.of(jvms.get(j).java(), "-version"), null);
                for (int c = 0; c < n; c++) {
                    times[j][c][r] = timeOnce(launch(launcher, commands.get(c)), jvms.get(j));
                }
            }
        }
        report.note("load average (1, 5, 15 min) after: " + loadAverage());
        for (int j = 0; j < jvms.size(); j++) {
            Jvm jvm = jvms.get(j);
            report.note(jvm.label() + ": " + jvm.java());
            report.add(jvm.label() + ": java -version", "ms", baseline[j], null);
            for (int c = 0; c < n; c++) {
                List<String> command = commands.get(c);
                boolean check = command.get(0).equals("check");
                report.add(jvm.label() + ": mynadesk " + String.join(" ", command), "ms", times[j][c], null);
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = times[j][c][r] / baseline[j][r];
                }
                report.add("  ... / java -version", "x", ratio, Target.atMost(check ? checkTarget(jvm) : LIGHT_TARGET));
            }
        }
        return report;
    }

    private static List<String> launch(Path launcher, List<String> command) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(command);
        return cmd;
    }

    /** Wall time of one run to its exit, in ms; {@code jvm} non-null: the launcher runs on it (MYNADESK_JAVA). */
    private static double timeOnce(List<String> command, Jvm jvm) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (jvm != null) {
            builder.environment().put("MYNADESK_JAVA", jvm.java());
        }
        long start = System.nanoTime();
        Process p = builder.start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited " + code);
        }
        return ms;
    }
}
