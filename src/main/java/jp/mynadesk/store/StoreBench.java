package jp.mynadesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.desk.ConsentRecord;
import jp.mynadesk.desk.ConsentSource;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.Visit;

/**
 * Figures for the record (a measurement, not a test): durable commit latency of single visits, and reading back
 * a large record with {@code visits(null)} (what {@code visits --json} does). Run with a data folder to fill.
 */
public final class StoreBench {
    public record Figures(double commitMedianMs, double commitP99Ms, int listed, double listMs, double verifyMs) {}

    private StoreBench() {}

    public static Figures run(Path dataDir, int commits, int listed, Clock clock) {
        try (JdbcVisitStore store = JdbcVisitStore.open(
                Stores.sqlite(new DataDirectory(dataDir, true), Stores.DEFAULT_BUSY_TIMEOUT), Seal.in(dataDir), clock)) {
            OffsetDateTime start = OffsetDateTime.now(clock);
            double[] ms = new double[commits];
            for (int i = 0; i < commits; i++) {
                long t0 = System.nanoTime();
                store.record(visit(i, start.plusSeconds(i)));
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            List<Visit> batch = new ArrayList<>();
            for (int i = commits; i < listed; i++) {
                // a clinic's year or so: 1,000 visits a day
                batch.add(visit(i, start.plusDays(1 + (i / 1000)).plusSeconds(i % 1000)));
                if (batch.size() == 10_000) {
                    store.recordAll(batch);
                    batch.clear();
                }
            }
            store.recordAll(batch);
            long t0 = System.nanoTime();
            int n = store.visits(null).size();
            double listMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            boolean ok = store.verify().ok();
            double verifyMs = (System.nanoTime() - t0) / 1e6;
            if (!ok) {
                throw new IllegalStateException("the benchmark record does not verify");
            }
            return new Figures(ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1], n, listMs, verifyMs);
        }
    }

    private static Visit visit(int i, OffsetDateTime at) {
        Map<SharingCategory, Boolean> answers = new EnumMap<>(SharingCategory.class);
        for (SharingCategory s : SharingCategory.values()) {
            answers.put(s, i % 3 != 0);
        }
        Qualification q = new Qualification(1, "01130012", "協会けんぽ東京", "12345678", String.valueOf(i % 9000), "00",
                "協会 太郎", LocalDate.of(1989, 5, 10), 30, "A03");
        return new Visit(null, at, "DESK-01", Route.CARD_PIN, Outcome.CONFIRMED, null, List.of(), q,
                new ConsentRecord(true, ConsentSource.CARD_SCREEN, at, at.plusHours(24), answers, null), null, null,
                null, null, q.numbers(), RecheckState.NONE);
    }

    /** {@code java -cp … jp.mynadesk.store.StoreBench DIR [COMMITS] [VISITS]} */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int commits = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int listed = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Clock clock = Clock.fixed(OffsetDateTime.parse("2026-12-01T09:00:00+09:00").toInstant(), ZoneId.of("Asia/Tokyo"));
        Figures f = run(dir, commits, listed, clock);
        System.out.printf("commit median %.1f ms, p99 %.1f ms (%d commits); visits(null) over %d: %.0f ms; verify: %.0f ms%n",
                f.commitMedianMs(), f.commitP99Ms(), commits, f.listed(), f.listMs(), f.verifyMs());
    }
}
