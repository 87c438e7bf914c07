package jp.mynadesk.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM on this test's JDK and class path, started as {@code ./mynadesk} starts one. */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * @param options JVM options before the class path
     * @param main    the class to run
     * @param args    its arguments
     */
    public static List<String> command(List<String> options, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // as the launcher: sqlite-jdbc loads a native library, and Java 24+ prints a warning on the child's output
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Whether this JVM was started with SIGINT ignored, as a shell does for a command it runs in the background
     * ({@code mvn test &}): a child inherits that, so a Ctrl-C sent to it does nothing and a test of Ctrl-C can only
     * time out. Read from {@code /proc/self/status} (false where there is none).
     */
    public static boolean sigintIgnored() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0; // bit of signal 2
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
