package jp.mynadesk.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.mynadesk.desk.StoreException;
import org.junit.jupiter.api.Test;

/** What a station opens beside the rest: handed over whole, its failure unchanged, closed when the station fails. */
class OpeningTest {
    static final class Thing implements AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void handsOverWhatWasOpenedOnAnotherThread() {
        Thing thing = new Thing();
        String[] openedOn = new String[1];
        Opening<Thing> opening = Opening.start("test", () -> {
            openedOn[0] = Thread.currentThread().getName();
            return thing;
        });
        assertSame(thing, opening.get());
        assertEquals("station-test", openedOn[0]);
        assertFalse(thing.closed.get());
    }

    @Test
    void rethrowsTheFailureAsItWasThrown() {
        StoreException failure = new StoreException(StoreException.Kind.values()[0], "cannot open", null);
        Opening<Thing> opening = Opening.start("test", () -> {
            throw failure;
        });
        assertSame(failure, assertThrows(StoreException.class, opening::get));
    }

    @Test
    void discardWaitsForTheOpeningAndClosesIt() throws Exception {
        Thing thing = new Thing();
        CountDownLatch release = new CountDownLatch(1);
        Opening<Thing> opening = Opening.start("test", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return thing;
        });
        Thread discarding = new Thread(opening::discard);
        discarding.start();
        assertFalse(thing.closed.get(), "not closed before it is opened");
        release.countDown();
        discarding.join();
        assertTrue(thing.closed.get());
    }

    @Test
    void anInterruptWhileWaitingIsKeptForTheCaller() {
        Thing thing = new Thing();
        Thread.currentThread().interrupt();
        try {
            assertSame(thing, Opening.start("test", () -> thing).get());
            assertTrue(Thread.interrupted(), "the interrupt is still there (and cleared here)");
        } finally {
            Thread.interrupted();
        }
    }
}
