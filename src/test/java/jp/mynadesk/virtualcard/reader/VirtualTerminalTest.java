package jp.mynadesk.virtualcard.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualTerminalTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final VirtualTerminals terminals = new VirtualTerminals();
    private final VirtualTerminal reader = terminals.plug("Virtual Reader 0");

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void emptySlotGivesCardNotPresentCausedByNoSmartcard() {
        CardNotPresentException e = assertThrows(CardNotPresentException.class, () -> reader.connect("*"));
        assertEquals("No card present", e.getMessage());
        assertEquals("SCARD_E_NO_SMARTCARD", Causes.pcscCause(e));
        assertEquals("SCARD_E_NO_SMARTCARD", Causes.scardName(e).orElseThrow());
    }

    @Test
    void connectThroughTheFactoryReportsAtrAndProtocol() throws Exception {
        reader.insert(TestCard.selectOnly());
        CardTerminal terminal = terminals.factory().terminals().list().get(0);

        Card card = terminal.connect("*");

        assertArrayEquals(TestCard.ATR, card.getATR().getBytes());
        assertEquals("T=1", card.getProtocol());
        assertEquals(0x9000, card.getBasicChannel()
                .transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, new byte[] {1, 2, 3})).getSW());
    }

    @Test
    void connectPowersTheCardOnOnceAfterInsertion() throws Exception {
        TestCard model = TestCard.echo();
        reader.insert(model);
        assertEquals(0, model.powerOns.get());

        reader.connect("*").disconnect(false);
        reader.connect("*");

        assertEquals(1, model.powerOns.get());
        reader.remove();
        assertEquals(1, model.powerOffs.get());
    }

    @Test
    void connectReturnsTheCachedCardWhileValid() throws Exception {
        reader.insert(TestCard.echo());
        Card first = reader.connect("*");

        assertSame(first, reader.connect("T=1"));
        assertSame(first, reader.connect("*"));
    }

    @Test
    void differentProtocolOnALiveCardIsRefused() throws Exception {
        reader.insert(TestCard.echo());
        reader.connect("T=1");

        CardException e = assertThrows(CardException.class, () -> reader.connect("direct"));
        assertTrue(e.getMessage().contains("already established using T=1"), e.getMessage());
    }

    @Test
    void afterDisconnectConnectGivesANewCard() throws Exception {
        reader.insert(TestCard.echo());
        Card first = reader.connect("*");
        first.disconnect(false);

        assertNotSame(first, reader.connect("*"));
    }

    @Test
    void t0IsRefusedOnAT1Reader() throws Exception {
        reader.insert(TestCard.echo());
        CardException e = assertThrows(CardException.class, () -> reader.connect("T=0"));
        assertEquals("SCARD_E_PROTO_MISMATCH", Causes.pcscCause(e));
    }

    @Test
    void t0ReaderAcceptsT0AndStarButNotT1() throws Exception {
        VirtualTerminal t0 = terminals.plug("T0 reader", TerminalOptions.DEFAULT.withT0(true));
        t0.insert(TestCard.echo());

        assertEquals("T=0", t0.connect("*").getProtocol());
        assertEquals("T=0", t0.connect("t=0").getProtocol());
        assertThrows(CardException.class, () -> t0.connectSeparately("T=1"));
    }

    @Test
    void unknownProtocolIsIllegalArgument() {
        reader.insert(TestCard.echo());
        assertThrows(IllegalArgumentException.class, () -> reader.connect("T=2"));
    }

    @Test
    void directConnectionCannotTransmit() throws Exception {
        reader.insert(TestCard.echo());
        Card direct = reader.connect("direct");

        assertEquals("direct", direct.getProtocol());
        CardException e = assertThrows(CardException.class,
                () -> direct.getBasicChannel().transmit(new CommandAPDU(0, 0xB0, 0, 0, 1)));
        assertEquals("SCARD_E_PROTO_MISMATCH", Causes.pcscCause(e));
    }

    @Test
    void unpluggedReaderFailsWithReaderUnavailable() throws Exception {
        reader.insert(TestCard.echo());
        Card card = reader.connect("*");
        terminals.unplug(reader.getName());

        CardException connect = assertThrows(CardException.class, () -> reader.connect("*"));
        assertFalse(connect instanceof CardNotPresentException);
        assertEquals("SCARD_E_READER_UNAVAILABLE", Causes.pcscCause(connect));
        CardException present = assertThrows(CardException.class, reader::isCardPresent);
        assertEquals("SCARD_E_READER_UNAVAILABLE", Causes.pcscCause(present));
        CardException transmit = assertThrows(CardException.class,
                () -> card.getBasicChannel().transmit(new CommandAPDU(0, 0xB0, 0, 0, 1)));
        assertEquals("SCARD_E_READER_UNAVAILABLE", Causes.pcscCause(transmit));
        assertThrows(CardException.class, () -> reader.waitForCardPresent(10));
        assertThrows(IllegalStateException.class, () -> reader.insert(TestCard.echo()));
    }

    @Test
    void insertIntoAnOccupiedSlotIsRefused() {
        reader.insert(TestCard.echo());
        assertThrows(IllegalStateException.class, () -> reader.insert(TestCard.echo()));
    }

    @Test
    void presenceFollowsInsertAndRemove() throws Exception {
        assertFalse(reader.isCardPresent());
        reader.insert(TestCard.echo());
        assertTrue(reader.isCardPresent());
        assertTrue(reader.remove());
        assertFalse(reader.remove());
        assertFalse(reader.isCardPresent());
    }

    @Test
    void waitForCardChecksTheCurrentStateFirst() throws Exception {
        assertTrue(reader.waitForCardAbsent(0));
        reader.insert(TestCard.echo());
        assertTrue(reader.waitForCardPresent(0));
    }

    @Test
    void waitForCardTimesOutWithFalseAndRejectsNegativeTimeout() throws Exception {
        assertFalse(reader.waitForCardPresent(20));
        assertThrows(IllegalArgumentException.class, () -> reader.waitForCardPresent(-1));
        assertThrows(IllegalArgumentException.class, () -> reader.waitForCardAbsent(-5));
    }

    @Test
    void waitForCardPresentWakesOnInsertFromAnotherThread() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        Future<Boolean> present = pool.submit(() -> {
            waiting.countDown();
            return reader.waitForCardPresent(0);
        });
        waiting.await();
        reader.insert(TestCard.echo());

        assertTrue(present.get(10, TimeUnit.SECONDS));
    }

    @Test
    void waitForCardAbsentWakesOnRemoveFromAnotherThread() throws Exception {
        reader.insert(TestCard.echo());
        Future<Boolean> absent = pool.submit(() -> reader.waitForCardAbsent(0));
        pool.submit(reader::remove);

        assertTrue(absent.get(10, TimeUnit.SECONDS));
    }

    @Test
    void unplugWakesAWaiterWithReaderUnavailable() throws Exception {
        Future<Boolean> present = pool.submit(() -> reader.waitForCardPresent(0));
        pool.submit(() -> terminals.unplug(reader.getName()));

        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> present.get(10, TimeUnit.SECONDS));
        assertEquals("SCARD_E_READER_UNAVAILABLE", Causes.scardName(e.getCause()).orElseThrow());
    }

    @Test
    void interruptedWaitThrowsCardExceptionAndKeepsTheFlag() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                reader.waitForCardPresent(0);
            } catch (Throwable t) {
                failure.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        waiter.interrupt();
        waiter.join(10_000);

        assertFalse(waiter.isAlive());
        assertTrue(failure.get() instanceof CardException, String.valueOf(failure.get()));
        assertTrue(failure.get().getCause() instanceof InterruptedException);
        assertTrue(stillInterrupted.get());
    }
}
