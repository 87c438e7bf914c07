package jp.mynadesk.station;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckScript;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.Qualification;
import jp.mynadesk.desk.RecheckRunner;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.desk.Route;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.SampleVisits;
import jp.mynadesk.store.SharedDatabase;
import jp.mynadesk.virtualcard.CardProfiles;

/**
 * One desk process of {@link MultiDeskTest}: a station on the shared database and the test's service.
 * <ul>
 *   <li>{@code check DB SERVICE TERMINAL N}: N checks, every fifth accepted on a document while "offline"
 *       (provisional), the rest full PIN checks with the virtual card; then re-checks until nothing is pending,
 *       taking turns with the other desks.</li>
 *   <li>{@code record DB SERVICE TERMINAL N}: N visits recorded one after another, slowly, retrying while the
 *       database is away.</li>
 * </ul>
 * Prints {@code confirmed ID} for every visit the store confirmed as recorded (whatever the check's outcome), {@code unavailable MESSAGE} for every failure
 * the desk showed, {@code rechecked N} per re-check run, and {@code done} at the end.
 */
public final class DeskChild {
    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    static final java.time.Instant DAY = LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(JST).toInstant();

    private DeskChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        SharedDatabase db = new SharedDatabase(args[1], null, java.nio.file.Path.of(args[5]));
        String terminal = args[3];
        int n = Integer.parseInt(args[4]);
        Clock clock = Station.standingAt(Clock.systemUTC(), DAY);
        Station.Setup setup = new Station.Setup(CardProfiles.resolve("default"), null, false, URI.create(args[2]), null,
                new DataDirectory(java.nio.file.Files.createTempDirectory("desk-child"), true), Duration.ofSeconds(10), clock, null, terminal,
                null, null, null, db);
        try (Station station = Station.open(setup)) {
            VisitStore store = station.store();
            for (int i = 0; i < n; i++) {
                Visit v;
                if (mode.equals("record")) {
                    Visit next = SampleVisits.numbered(i, OffsetDateTime.now(clock), terminal);
                    v = retrying(() -> store.record(next));
                    Thread.sleep(20);
                } else if (i % 5 == 0) {
                    Visit next = provisional(terminal, clock);
                    v = retrying(() -> store.record(next));
                } else {
                    v = check(station);
                }
                System.out.println("confirmed " + v.visitId());
            }
            if (mode.equals("check")) {
                while (!store.pendingRechecks().isEmpty()) {
                    try {
                        int checked = RecheckRunner.of(station.context()).run(x -> { }).findings().size();
                        System.out.println("rechecked " + checked);
                    } catch (StoreException busy) {
                        Thread.sleep(50); // another desk is re-checking: its run covers these visits
                    }
                }
            }
            System.out.println("done");
        }
    }

    /** What the desk does when the record is away: says so (in Japanese) and tries again. */
    private static Visit retrying(Supplier<Visit> write) throws InterruptedException {
        while (true) {
            try {
                return write.get();
            } catch (StoreException e) {
                System.out.println("unavailable " + e.kind() + " " + e.getMessage());
                Thread.sleep(200);
            }
        }
    }

    private static Visit check(Station station) throws InterruptedException {
        Map<SharingCategory, Boolean> all = new EnumMap<>(SharingCategory.class);
        for (SharingCategory c : SharingCategory.values()) {
            all.put(c, true);
        }
        // Every outcome is a recorded visit; on a loaded machine a service timeout records a stopped check.
        return retrying(() -> new CheckScript(CheckMode.PIN, null, "1234".toCharArray(), all, List.of(), false,
                null, null).run(new ReceptionCheck(station.context())));
    }

    /** Accepted on the patient's 資格確認書 while the service was down: pending re-check. */
    private static Visit provisional(String terminal, Clock clock) {
        Qualification q = new Qualification(0, "01130012", "全国健康保険協会東京支部", "12345678", "1", "00", "協会 太郎",
                LocalDate.of(1989, 5, 10), null, null);
        return new Visit(null, OffsetDateTime.now(clock.withZone(JST)), terminal, Route.DOCUMENT_OFFLINE,
                Outcome.PROVISIONAL, null, List.of(), q, null, null, null, null, null, q.numbers(), RecheckState.PENDING);
    }
}
