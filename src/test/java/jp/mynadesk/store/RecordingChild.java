package jp.mynadesk.store;

import java.nio.file.Path;
import jp.mynadesk.desk.VisitStore;

/**
 * The child JVM of {@link CrashSafetyTest}: records numbered visits (continuing after the last one on record)
 * until it is killed. Prints "opening" before it opens the record, "ready" once it is open, and "recorded N" after
 * each visit's commit has returned, so the test knows what the record must keep.
 */
public final class RecordingChild {
    private RecordingChild() {}

    public static void main(String[] args) {
        System.out.println("opening");
        System.out.flush();
        try (VisitStore store = Stores.open(Path.of(args[0]), SqliteVisitStoreTest.CLOCK)) {
            int next = store.visits(null).size() + 1;
            System.out.println("ready");
            System.out.flush();
            while (true) {
                store.record(SampleVisits.numbered(next, SampleVisits.MORNING));
                System.out.println("recorded " + next++);
                System.out.flush();
            }
        }
    }
}
