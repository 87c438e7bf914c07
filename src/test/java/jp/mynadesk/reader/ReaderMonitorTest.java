package jp.mynadesk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.reader.ReaderEvent.CardInserted;
import jp.mynadesk.reader.ReaderEvent.CardRemoved;
import jp.mynadesk.reader.ReaderEvent.ReaderAdded;
import jp.mynadesk.reader.ReaderEvent.ReaderRemoved;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import org.junit.jupiter.api.Test;

class ReaderMonitorTest {
    private final VirtualTerminals terminals = new VirtualTerminals();
    private final ReaderMonitor monitor = new ReaderMonitor(terminals.factory());

    private static MyNumberCard card() throws Exception {
        return MyNumberCard.of(CardProfiles.resolve("default"));
    }

    @Test
    void reportsReadersAndCardsComingAndGoing() throws Exception {
        assertEquals(List.of(), monitor.poll());
        VirtualTerminal a = terminals.plug("A");
        assertEquals(List.of(new ReaderAdded("A")), monitor.poll());
        a.insert(card());
        assertEquals(List.of(new CardInserted("A")), monitor.poll());
        assertEquals(List.of(), monitor.poll(), "no change, no event");
        a.remove();
        assertEquals(List.of(new CardRemoved("A")), monitor.poll());
        a.insert(card());
        monitor.poll();
        terminals.unplug("A");
        assertEquals(List.of(new CardRemoved("A"), new ReaderRemoved("A")), monitor.poll());
    }

    @Test
    void quickRemoveAndReinsertBetweenTicksIsNotInventedButPresenceStaysTrue() throws Exception {
        VirtualTerminal a = terminals.plug("A");
        a.insert(card());
        monitor.poll();
        a.remove();
        a.insert(card());
        assertEquals(List.of(), monitor.poll(), "presence is what it was; the flow re-selects on its next APDU anyway");
    }

    @Test
    void runsOnItsOwnThreadInTicks() throws Exception {
        var events = new LinkedBlockingQueue<ReaderEvent>();
        monitor.start(Duration.ofMillis(10), events::add);
        try {
            terminals.plug("B").insert(card());
            assertEquals(new ReaderAdded("B"), events.poll(5, TimeUnit.SECONDS));
            assertEquals(new CardInserted("B"), events.poll(5, TimeUnit.SECONDS));
        } finally {
            monitor.close();
        }
        assertTrue(events.isEmpty());
    }
}
