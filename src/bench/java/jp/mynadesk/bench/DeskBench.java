package jp.mynadesk.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckScript;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RecheckRunner;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.station.Station;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.virtualcard.CardProfiles;

/**
 * The desk's own figures (issue "the desk", speed): a full PIN check in one JVM — virtual card, in-process
 * service, SQLite commit — per check; re-check of many pending visits against the mock service (with its
 * realistic 2 s batch processing time); and listing many visits as {@code visits --json} does.
 */
public final class DeskBench {
    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private DeskBench() {}

    public static BenchReport run(int rounds, int checksPerRound, int pending, PrintWriter progress) throws Exception {
        BenchReport report = new BenchReport("desk (virtual card, in-process service, SQLite)");
        Path dir = Files.createTempDirectory("mynadesk-desk-bench");
        Clock clock = Station.standingAt(Clock.systemUTC(), LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(JST).toInstant());
        Station.Setup setup = new Station.Setup(CardProfiles.resolve("default"), null, false, null, null,
                new DataDirectory(dir, true), null, clock, null, null, null, null);
        try (Station station = Station.open(setup)) {
            Map<SharingCategory, Boolean> all = new EnumMap<>(SharingCategory.class);
            for (SharingCategory c : SharingCategory.values()) {
                all.put(c, true);
            }
            for (int i = 0; i < checksPerRound; i++) { // warm-up: JIT, keys, connections
                check(station, all);
            }
            double[] medians = new double[rounds];
            double[] p99s = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double[] ms = new double[checksPerRound];
                for (int i = 0; i < checksPerRound; i++) {
                    long t0 = System.nanoTime();
                    check(station, all);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                medians[r] = ms[ms.length / 2];
                p99s[r] = ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)];
                progress.println("  PIN check round " + (r + 1) + ": median " + fmt(medians[r]) + " ms, p99 " + fmt(p99s[r]) + " ms");
            }
            report.add("full PIN check, median", "ms", medians, BenchReport.Target.atMost(25));
            report.add("full PIN check, p99", "ms", p99s, BenchReport.Target.atMost(60));

            long t0 = System.nanoTime();
            for (int i = 0; i < pending; i++) {
                station.store().record(provisional(i, clock));
            }
            double perCommit = (System.nanoTime() - t0) / 1e6 / pending;
            report.add("visit commit (synchronous=FULL)", "ms", new double[] {perCommit}, null);
            progress.println("  recorded " + pending + " pending visits");

            t0 = System.nanoTime();
            var run = RecheckRunner.of(station.context()).run(n -> { });
            double recheckSeconds = (System.nanoTime() - t0) / 1e9;
            report.add("recheck of " + pending + " pending visits", "s", new double[] {recheckSeconds}, BenchReport.Target.atMost(15));
            report.note("recheck: " + run.findings().size() + " findings, batch chunks of 1,000 uploaded together");

            int[] listed = {0};
            station.store().forEachVisitJson(null, body -> listed[0]++);
            double[] listing = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long l0 = System.nanoTime();
                PrintWriter sink = new PrintWriter(Writer.nullWriter());
                station.store().forEachVisitJson(null, sink::print);
                listing[r] = (System.nanoTime() - l0) / 1e9 * 100_000 / listed[0];
            }
            report.add("visits --json, scaled to 100,000 visits (" + listed[0] + " listed)", "s", listing, BenchReport.Target.atMost(1));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        return report;
    }

    private static void check(Station station, Map<SharingCategory, Boolean> consent) {
        Visit v = new CheckScript(CheckMode.PIN, null, "1234".toCharArray(), consent, List.of(), false, null, null)
                .run(new ReceptionCheck(station.context()));
        if (v.outcome() != Outcome.CONFIRMED) {
            throw new IllegalStateException("the benchmark's check did not confirm: " + v.reason());
        }
    }

    private static Visit provisional(int i, Clock clock) {
        Qualification q = new Qualification(0, "01130012", "全国健康保険協会東京支部", "12345678", "1", "00", "協会 太郎",
                LocalDate.of(1989, 5, 10), null, null);
        return new Visit(null, OffsetDateTime.now(clock.withZone(JST)), "BENCH", Route.DOCUMENT_OFFLINE, Outcome.PROVISIONAL,
                null, List.of(), q, null, null, null, null, null, q.numbers(), RecheckState.PENDING);
    }

    private static String fmt(double v) {
        return String.format("%.2f", v);
    }
}
