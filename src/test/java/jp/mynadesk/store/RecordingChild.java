package jp.mynadesk.store;

import java.nio.file.Path;
import jp.mynadesk.desk.VisitStore;

/**
 * The child JVM of {@link CrashSafetyTest}: records numbered visits (continuing after the last one on record)
 * until it is killed. Prints "ready" once the record is open.
 */
public final class RecordingChild {
    private RecordingChild() {}

    public static void main(String[] args) {
        try (VisitStore store = Stores.open(Path.of(args[0]), SqliteVisitStoreTest.CLOCK)) {
            int next = store.visits(null).size() + 1;
            System.out.println("ready");
            System.out.flush();
            while (true) {
                store.record(SampleVisits.numbered(next++, SampleVisits.MORNING));
            }
        }
    }
}
