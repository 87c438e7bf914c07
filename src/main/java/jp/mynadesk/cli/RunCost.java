package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * The wall and CPU time a run of many scenarios took in this process (every thread: the desks, the in-process
 * services, the JIT and the collector), so a suite that waits instead of working shows as wall time well above
 * CPU time (issue 23: the scenarios folder in virtual time should take at most 1.3× its CPU time).
 */
final class RunCost {
    private final long wallStart;
    private final long cpuStart;

    private RunCost(long wallStart, long cpuStart) {
        this.wallStart = wallStart;
        this.cpuStart = cpuStart;
    }

    static RunCost start() {
        return new RunCost(System.nanoTime(), cpuNanos());
    }

    Spent stop() {
        long cpu = cpuNanos();
        return new Spent((System.nanoTime() - wallStart) / 1e9, cpu < 0 || cpuStart < 0 ? Double.NaN : (cpu - cpuStart) / 1e9);
    }

    /** Process CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    private static long cpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** Seconds of wall and CPU time; cpu is NaN when unknown. */
    record Spent(double wall, double cpu) {
        String text(boolean realTime) {
            String cpuText = Double.isNaN(cpu) ? "CPU 時間は不明" : String.format(Locale.ROOT, "CPU %.1f 秒、実時間は CPU の %.2f 倍",
                    cpu, cpu > 0 ? wall / cpu : Double.NaN);
            return String.format(Locale.ROOT, "%s、実時間 %.1f 秒、%s", realTime ? "実際の時間で待機" : "仮想時間", wall, cpuText);
        }

        void into(ObjectNode o, int scenarios) {
            o.put("wallSeconds", round(wall));
            if (Double.isNaN(cpu)) {
                o.putNull("cpuSeconds");
                o.putNull("wallPerCpu");
            } else {
                o.put("cpuSeconds", round(cpu));
                o.put("wallPerCpu", cpu > 0 ? round(wall / cpu) : null);
            }
            o.put("scenariosPerSecond", wall > 0 ? round(scenarios / wall) : null);
        }

        private static double round(double d) {
            return Math.round(d * 1000) / 1000.0;
        }
    }
}
