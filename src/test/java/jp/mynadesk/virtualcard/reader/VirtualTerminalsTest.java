package jp.mynadesk.virtualcard.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualTerminalsTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final VirtualTerminals terminals = new VirtualTerminals();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static List<String> names(List<CardTerminal> list) {
        return list.stream().map(CardTerminal::getName).toList();
    }

    @Test
    void listsReadersByState() throws Exception {
        VirtualTerminal a = terminals.plug("A");
        terminals.plug("B");
        a.insert(TestCard.echo());

        assertEquals(List.of("A", "B"), names(terminals.list()));
        assertEquals(List.of("A"), names(terminals.list(State.CARD_PRESENT)));
        assertEquals(List.of("B"), names(terminals.list(State.CARD_ABSENT)));
    }

    @Test
    void beforeFirstWaitForChangeInsertionAndRemovalMeanPresentAndAbsent() throws Exception {
        VirtualTerminal a = terminals.plug("A");
        terminals.plug("B");
        a.insert(TestCard.echo());

        assertEquals(List.of("A"), names(terminals.list(State.CARD_INSERTION)));
        assertEquals(List.of("B"), names(terminals.list(State.CARD_REMOVAL)));
    }

    @Test
    void afterWaitForChangeInsertionAndRemovalReportWhatChanged() throws Exception {
        VirtualTerminal a = terminals.plug("A");
        VirtualTerminal b = terminals.plug("B");
        b.insert(TestCard.echo());
        // The first call initialises the state database from "unaware", as SunPCSC does, and a timeout leaves
        // it there: a card present since before still counts as inserted.
        assertFalse(terminals.waitForChange(1));
        assertEquals(List.of("B"), names(terminals.list(State.CARD_INSERTION)));
        assertEquals(List.of(), names(terminals.list(State.CARD_REMOVAL)));

        a.insert(TestCard.echo());
        b.remove();
        // The change happened before the call: the state database makes it return at once.
        assertTrue(terminals.waitForChange(0));

        assertEquals(List.of("A"), names(terminals.list(State.CARD_INSERTION)));
        assertEquals(List.of("B"), names(terminals.list(State.CARD_REMOVAL)));
        assertEquals(List.of("A"), names(terminals.list(State.CARD_PRESENT)));
    }

    @Test
    void insertThenRemoveBetweenWaitsWakesButReportsNeither() throws Exception {
        VirtualTerminal a = terminals.plug("A");
        assertFalse(terminals.waitForChange(1));

        a.insert(TestCard.echo());
        a.remove();

        assertTrue(terminals.waitForChange(0));
        assertEquals(List.of(), terminals.list(State.CARD_INSERTION));
        assertEquals(List.of(), terminals.list(State.CARD_REMOVAL));
    }

    @Test
    void waitForChangeTimesOutWithFalse() throws Exception {
        terminals.plug("A");
        assertFalse(terminals.waitForChange(20));
        assertFalse(terminals.waitForChange(20));
    }

    @Test
    void waitForChangeRejectsNegativeTimeout() {
        terminals.plug("A");
        assertThrows(IllegalArgumentException.class, () -> terminals.waitForChange(-1));
    }

    @Test
    void waitForChangeWithoutReadersIsIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> terminals.waitForChange(10));
        assertEquals("No terminals available", e.getMessage());
    }

    @Test
    void waitForChangeWakesOnInsertFromAnotherThread() throws Exception {
        VirtualTerminal a = terminals.plug("A");
        assertFalse(terminals.waitForChange(1));
        CountDownLatch waiting = new CountDownLatch(1);

        Future<Boolean> change = pool.submit(() -> {
            waiting.countDown();
            return terminals.waitForChange(0);
        });
        waiting.await();
        a.insert(TestCard.echo());

        assertTrue(change.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("A"), names(terminals.list(State.CARD_INSERTION)));
    }

    @Test
    void waitForChangeWakesOnRemoveFromAnotherThread() throws Exception {
        VirtualTerminal a = terminals.plug("A");
        a.insert(TestCard.echo());
        assertFalse(terminals.waitForChange(1));

        Future<Boolean> change = pool.submit(() -> terminals.waitForChange(0));
        pool.submit(a::remove);

        assertTrue(change.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("A"), names(terminals.list(State.CARD_REMOVAL)));
    }

    @Test
    void waitForChangeWakesOnUnplugAndThenHasNoReaders() throws Exception {
        terminals.plug("A");
        assertFalse(terminals.waitForChange(1));

        Future<Boolean> change = pool.submit(() -> terminals.waitForChange(0));
        CompletableFuture.runAsync(() -> terminals.unplug("A"), pool);

        assertTrue(change.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(), terminals.list());
        assertThrows(IllegalStateException.class, () -> terminals.waitForChange(5));
    }

    @Test
    void aReaderPluggedSinceTheLastWaitCountsAsAChange() throws Exception {
        terminals.plug("A");
        assertFalse(terminals.waitForChange(1));
        VirtualTerminal b = terminals.plug("B");
        b.insert(TestCard.echo());

        assertTrue(terminals.waitForChange(0));
        assertEquals(List.of("B"), names(terminals.list(State.CARD_INSERTION)));
    }

    @Test
    void readerNamesAreUniqueAndUnplugIsReported() {
        terminals.plug("A");
        assertThrows(IllegalArgumentException.class, () -> terminals.plug("A"));
        assertTrue(terminals.unplug("A"));
        assertFalse(terminals.unplug("A"));
        assertTrue(terminals.find("A").isEmpty());
        terminals.plug("A"); // the name is free again
        assertTrue(terminals.find("A").isPresent());
    }

    @Test
    void listIsUnmodifiable() throws Exception {
        terminals.plug("A");
        List<CardTerminal> list = terminals.list();
        assertThrows(UnsupportedOperationException.class, () -> list.clear());
    }

    @Test
    void concurrentPlugAndInsertFromManyThreadsKeepsConsistentLists() throws Exception {
        int n = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "R" + i;
            jobs.add(pool.submit(() -> {
                start.await();
                terminals.plug(name).insert(TestCard.echo());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> job : jobs) {
            job.get(10, TimeUnit.SECONDS);
        }
        assertEquals(n, terminals.list(State.CARD_PRESENT).size());
    }
}
