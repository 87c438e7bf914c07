package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * The wall and CPU time a run of many scenarios took in this process (every thread: the desks, the in-process
 * services, the JIT and the collector), so a suite that waits instead of working shows as wall time well above
 * CPU time (issue 23: the scenarios folder in virtual time should take at most 1.3× its CPU time).
 */
final class RunCost {
    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");
    private final long wallStart;
    private final long cpuStart;
    private final long queuedStart;

    private RunCost(long wallStart, long cpuStart, long queuedStart) {
        this.wallStart = wallStart;
        this.cpuStart = cpuStart;
        this.queuedStart = queuedStart;
    }

    /** Called on the thread that runs the scenarios (their desk's thread). */
    static RunCost start() {
        return new RunCost(System.nanoTime(), cpuNanos(), queuedNanos());
    }

    /** Called on the same thread as {@link #start()}. */
    Spent stop() {
        return stop(0);
    }

    /**
     * As {@link #stop()}, adding {@code otherQueuedNanos}: how long the other threads that ran scenarios waited for a
     * CPU ({@link #threads}).
     */
    Spent stop(long otherQueuedNanos) {
        long cpu = cpuNanos();
        long queued = queuedNanos();
        if (queued >= 0) {
            queued += otherQueuedNanos;
        }
        return new Spent((System.nanoTime() - wallStart) / 1e9, cpu < 0 || cpuStart < 0 ? Double.NaN : (cpu - cpuStart) / 1e9,
                queued < 0 || queuedStart < 0 ? Double.NaN : (queued - queuedStart) / 1e9);
    }

    /**
     * Threads for running scenarios at once ({@code scenario run --jobs}): daemons that, as each ends, add how long it
     * waited for a CPU; {@link #queuedNanos()} waits for every one made to have ended.
     */
    static final class Workers implements java.util.concurrent.ThreadFactory {
        private final java.util.concurrent.atomic.LongAdder queued = new java.util.concurrent.atomic.LongAdder();
        private int made;
        private int live;

        @Override
        public synchronized Thread newThread(Runnable r) {
            Thread t = new Thread(() -> {
                long start = RunCost.queuedNanos();
                try {
                    r.run();
                } finally {
                    long end = RunCost.queuedNanos();
                    if (start >= 0 && end >= start) {
                        queued.add(end - start);
                    }
                    ended();
                }
            }, "mynadesk-scenario-" + ++made);
            t.setDaemon(true);
            live++;
            return t;
        }

        private synchronized void ended() {
            live--;
            notifyAll();
        }

        /** The threads' waits for a CPU, once every thread made has ended (a minute at most). */
        synchronized long queuedNanos() {
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
            try {
                while (live > 0 && System.nanoTime() < until) {
                    wait(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return queued.sum();
        }
    }

    /**
     * How long this thread has been ready to run but waiting for a CPU (Linux's schedstat, second field), or -1:
     * on a machine busy with other work this is where the wall time goes that is neither CPU nor waiting.
     */
    private static long queuedNanos() {
        try {
            String[] f = Files.readString(SCHEDSTAT).trim().split("\\s+");
            return f.length >= 2 ? Long.parseLong(f[1]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Process CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    private static long cpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Seconds of wall and CPU time (the whole process), and how long the scenarios' threads waited for a CPU that
     * other processes held; cpu and queued are NaN when unknown.
     */
    record Spent(double wall, double cpu, double queued) {
        String text(boolean realTime) {
            String cpuText = Double.isNaN(cpu) ? "CPU 時間は不明" : String.format(Locale.ROOT, "CPU %.1f 秒、実時間は CPU の %.2f 倍",
                    cpu, cpu > 0 ? wall / cpu : Double.NaN);
            String queuedText = Double.isNaN(queued) ? "" : String.format(Locale.ROOT, "、CPU の空き待ち %.1f 秒", queued);
            return String.format(Locale.ROOT, "%s、実時間 %.1f 秒、%s%s", realTime ? "実際の時間で待機" : "仮想時間", wall, cpuText,
                    queuedText);
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
            // the scenarios' own threads, ready to run while other processes held the CPUs (Linux only)
            o.put("waitingForCpuSeconds", Double.isNaN(queued) ? null : round(queued));
        }

        private static double round(double d) {
            return Math.round(d * 1000) / 1000.0;
        }
    }
}
