package jp.mynadesk.store;

import java.nio.file.Path;
import jp.mynadesk.desk.VisitStore;

/**
 * The child JVM of {@link LostRecordTest}: a desk that records {@code N} visits into {@code DIR}, prints
 * "recorded", and keeps the record open (its WAL in use) until it is killed.
 */
public final class WalChild {
    private WalChild() {}

    public static void main(String[] args) throws Exception {
        VisitStore store = Stores.open(Path.of(args[0]), SqliteVisitStoreTest.CLOCK);
        int n = Integer.parseInt(args[1]);
        for (int i = 1; i <= n; i++) {
            store.record(SampleVisits.numbered(i, SampleVisits.MORNING));
        }
        System.out.println("recorded");
        System.out.flush();
        System.in.read(); // until killed
    }
}
