package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.CuttingProxy.Cut;
import jp.mynadesk.testsupport.PostgresCheck;
import jp.mynadesk.testsupport.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection to PostgreSQL lost with a visit's COMMIT in flight: the desk is told the record is unavailable and
 * retries, and the visit must end up on record once whether that COMMIT landed or not. The store reaches the server
 * through a {@link CuttingProxy}; what is on record is read straight from the server, as another desk would.
 */
@RequiresPostgres
class CommitInDoubtTest {
    private SharedDatabase db;
    private CuttingProxy proxy;

    @BeforeEach
    void freshRecord() throws IOException {
        db = PostgresCheck.freshSchema();
        proxy = new CuttingProxy(db);
    }

    @AfterEach
    void closeProxy() throws IOException {
        proxy.close();
    }

    @Test
    void aRetryAfterACommitThatLandedIsTheVisitOnRecord() {
        Visit v = SampleVisits.numbered(1, SampleVisits.MORNING);
        try (VisitStore store = throughProxy()) {
            cutAtCommit(store, v, Cut.LANDED);
            String landed = onlyId(onRecord()); // the server did commit it

            assertEquals(landed, store.record(v).visitId());
            assertEquals(List.of(landed), ids(onRecord()));
            assertTrue(store.verify().ok());
        }
    }

    @Test
    void aRetryThatCannotReachTheServerKeepsTheDoubtForTheNext() {
        Visit v = SampleVisits.numbered(1, SampleVisits.MORNING);
        try (VisitStore store = throughProxy()) {
            cutAtCommit(store, v, Cut.LANDED);
            String landed = onlyId(onRecord());
            proxy.refuse(true);
            assertEquals(StoreException.Kind.UNAVAILABLE, assertThrows(StoreException.class, () -> store.record(v)).kind());
            proxy.refuse(false);

            assertEquals(landed, store.record(v).visitId());
            assertEquals(List.of(landed), ids(onRecord()));
        }
    }

    @Test
    void aRetryAfterACommitThatWasLostRecordsTheVisit() {
        Visit v = SampleVisits.numbered(1, SampleVisits.MORNING);
        try (VisitStore store = throughProxy()) {
            cutAtCommit(store, v, Cut.LOST);
            assertEquals(List.of(), onRecord()); // the server rolled it back

            String recorded = store.record(v).visitId();
            assertEquals(List.of(recorded), ids(onRecord()));
            assertTrue(store.verify().ok());
        }
    }

    @Test
    void anotherVisitAfterACommitThatLandedIsRecordedBesideIt() {
        Visit first = SampleVisits.numbered(1, SampleVisits.MORNING);
        Visit second = SampleVisits.numbered(2, SampleVisits.MORNING.plusMinutes(1));
        try (VisitStore store = throughProxy()) {
            cutAtCommit(store, first, Cut.LANDED);
            String landed = onlyId(onRecord());

            String next = store.record(second).visitId();
            List<Visit> visits = onRecord();
            assertEquals(List.of(landed, next), ids(visits));
            assertEquals(List.of("marker-1", "marker-2"), visits.stream().map(Visit::confirmedBy).toList());
            assertTrue(store.verify().ok());
        }
    }

    /**
     * Between the lost answer and the retry, this desk withdraws another visit's consent and another desk withdraws
     * the landed visit's: neither write loses the doubt, and the landed visit is still known as this one although
     * its row no longer reads as written.
     */
    @Test
    void writesBetweenTheCutAndTheRetryDoNotMakeItTwo() {
        Visit earlier = SampleVisits.numbered(1, SampleVisits.MORNING);
        Visit v = SampleVisits.numbered(2, SampleVisits.MORNING.plusMinutes(1));
        try (VisitStore store = throughProxy(); VisitStore otherDesk = direct()) {
            String earlierId = store.record(earlier).visitId();
            cutAtCommit(store, v, Cut.LANDED);
            String landed = ids(onRecord()).get(1);
            store.revokeConsent(earlierId, SampleVisits.MORNING.plusMinutes(2));
            otherDesk.revokeConsent(landed, SampleVisits.MORNING.plusMinutes(3));

            assertEquals(landed, store.record(v).visitId());
            assertEquals(List.of(earlierId, landed), ids(onRecord()));
            assertTrue(store.verify().ok());
        }
    }

    private VisitStore throughProxy() {
        return Stores.open(proxy.database(), VisitStoreContract.CLOCK, Stores.DEFAULT_BUSY_TIMEOUT);
    }

    private VisitStore direct() {
        return Stores.open(db, VisitStoreContract.CLOCK, Stores.DEFAULT_BUSY_TIMEOUT);
    }

    /** Records {@code v} with the connection cut at its COMMIT: the desk is told the record is unavailable. */
    private void cutAtCommit(VisitStore store, Visit v, Cut how) {
        int before = proxy.fired();
        proxy.arm(how);
        StoreException e = assertThrows(StoreException.class, () -> store.record(v));
        assertEquals(StoreException.Kind.UNAVAILABLE, e.kind());
        assertEquals(before + 1, proxy.fired(), "the cut was at the COMMIT");
    }

    /** What is on record, read by a desk that is not behind the proxy. */
    private List<Visit> onRecord() {
        try (VisitStore store = direct()) {
            return store.visits(null);
        }
    }

    private static List<String> ids(List<Visit> visits) {
        return visits.stream().map(Visit::visitId).toList();
    }

    private static String onlyId(List<Visit> visits) {
        assertEquals(1, visits.size(), "visits on record: " + ids(visits));
        return visits.get(0).visitId();
    }
}
