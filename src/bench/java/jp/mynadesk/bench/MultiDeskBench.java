package jp.mynadesk.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.SharedDatabase;
import jp.mynadesk.store.Stores;

/**
 * {@code bench --store}: visits recorded per second by 4 desks on one PostgreSQL record (each desk its own
 * connection, all writing at once) against 1 desk on the SQLite file, in one run; and the p99 of one durable visit
 * commit with 4 desks. The PostgreSQL record is a fresh schema, dropped afterwards.
 */
public final class MultiDeskBench {
    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final int DESKS = 4;

    private MultiDeskBench() {}

    public static BenchReport run(SharedDatabase db, int visitsPerDesk, int rounds, PrintWriter progress) throws Exception {
        BenchReport report = new BenchReport("store: " + DESKS + " desks on PostgreSQL vs 1 desk on SQLite");
        Clock clock = Clock.fixed(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(JST).toInstant(), JST);
        double[] pgRate = new double[rounds];
        double[] pgP99 = new double[rounds];
        double[] sqliteRate = new double[rounds];
        double[] sqliteP99 = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            String schema = "bench_" + ProcessHandle.current().pid() + "_" + r;
            SharedDatabase fresh = inSchema(db, schema);
            // the desks' data folder (one for all: the same audit key, checkpoints appended as each desk commits)
            Path folder = Files.createTempDirectory("mynadesk-pg-bench");
            try {
                double[] pg = desks(() -> Stores.open(fresh, new DataDirectory(folder, true), clock, Duration.ofSeconds(30)),
                        DESKS, visitsPerDesk, clock);
                pgRate[r] = pg[0];
                pgP99[r] = pg[1];
            } finally {
                drop(db, schema);
                emptyAndDelete(folder);
            }
            Path dir = Files.createTempDirectory("mynadesk-store-bench");
            try {
                double[] lite = desks(() -> Stores.open(new DataDirectory(dir, true), clock), 1, visitsPerDesk, clock);
                sqliteRate[r] = lite[0];
                sqliteP99[r] = lite[1];
            } finally {
                emptyAndDelete(dir);
            }
            progress.println("  round " + (r + 1) + ": PostgreSQL x" + DESKS + " " + Math.round(pgRate[r]) + " visits/s (p99 "
                    + String.format("%.2f", pgP99[r]) + " ms), SQLite x1 " + Math.round(sqliteRate[r]) + " visits/s (p99 "
                    + String.format("%.2f", sqliteP99[r]) + " ms)");
            progress.flush();
        }
        report.add("PostgreSQL, " + DESKS + " desks: visits recorded", "visits/s", pgRate, null);
        report.add("PostgreSQL, " + DESKS + " desks: visit commit p99", "ms", pgP99, BenchReport.Target.atMost(20));
        report.add("SQLite, 1 desk: visits recorded", "visits/s", sqliteRate, null);
        report.add("SQLite, 1 desk: visit commit p99", "ms", sqliteP99, null);
        report.note(visitsPerDesk + " visits per desk per round; every commit durable (PostgreSQL synchronous_commit=on, "
                + "SQLite synchronous=FULL); desks are threads with a connection each");
        return report;
    }

    @FunctionalInterface
    private interface Opener {
        VisitStore open();
    }

    /** {visits per second over all desks, p99 commit ms}. */
    private static double[] desks(Opener opener, int desks, int each, Clock clock) throws Exception {
        List<VisitStore> stores = new ArrayList<>();
        try {
            for (int d = 0; d < desks; d++) {
                stores.add(opener.open());
            }
            for (VisitStore s : stores) { // warm-up: connections, statements, JIT
                for (int i = 0; i < 20; i++) {
                    s.record(visit(clock));
                }
            }
            long t0 = System.nanoTime();
            List<CompletableFuture<double[]>> running = new ArrayList<>();
            for (VisitStore s : stores) {
                running.add(CompletableFuture.supplyAsync(() -> {
                    double[] ms = new double[each];
                    for (int i = 0; i < each; i++) {
                        long c0 = System.nanoTime();
                        s.record(visit(clock));
                        ms[i] = (System.nanoTime() - c0) / 1e6;
                    }
                    return ms;
                }, runnable -> new Thread(runnable).start()));
            }
            double[] all = new double[0];
            for (CompletableFuture<double[]> f : running) {
                double[] ms = f.get();
                double[] joined = Arrays.copyOf(all, all.length + ms.length);
                System.arraycopy(ms, 0, joined, all.length, ms.length);
                all = joined;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(all);
            return new double[] {all.length / seconds, all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)]};
        } finally {
            stores.forEach(VisitStore::close);
        }
    }

    private static Visit visit(Clock clock) {
        Qualification q = new Qualification(1, "01130012", "全国健康保険協会東京支部", "12345678", "1", "00", "協会 太郎",
                LocalDate.of(1989, 5, 10), 30, null);
        return new Visit(null, OffsetDateTime.now(clock), "BENCH", Route.CARD_PIN, Outcome.CONFIRMED, null, List.of(), q,
                null, null, null, null, null, null, RecheckState.NONE);
    }

    private static void emptyAndDelete(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static SharedDatabase inSchema(SharedDatabase db, String schema) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new SharedDatabase(db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + schema, db.password(),
                null); // a throwaway record: its key is made in the bench's own folder, never the desk's

    }

    private static void drop(SharedDatabase db, String schema) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static Connection connect(SharedDatabase db) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        if (db.password() != null) {
            p.setProperty("password", db.password());
        }
        return DriverManager.getConnection(db.url(), p);
    }
}
