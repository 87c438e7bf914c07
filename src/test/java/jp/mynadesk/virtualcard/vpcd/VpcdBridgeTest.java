package jp.mynadesk.virtualcard.vpcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VpcdBridgeTest {

    private static final byte[] OK = {(byte) 0x90, 0x00};
    /** The fake vpcd needs no pause for pcscd's poll; the real one does (see the last test). */
    private static final Duration SHORT_ABSENCE = Duration.ofMillis(50);

    private FakeVpcd vpcd;
    private VpcdBridge bridge;
    private final List<VpcdEvent> events = new CopyOnWriteArrayList<>();
    private final TestCard alpha = new TestCard("alpha");
    /** The bridge's timed waits (the backoff), on virtual time. */
    private final VirtualWaits backoffs = new VirtualWaits();

    @BeforeEach
    void setUp() throws Exception {
        vpcd = new FakeVpcd();
        bridge = new VpcdBridge(vpcd.address(), events::add, SHORT_ABSENCE, backoffs).start();
    }

    @AfterEach
    void tearDown() throws Exception {
        bridge.close();
        vpcd.close();
    }

    @Test
    void answersAtrPowerAndApdusLikeACard() throws Exception {
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000), "bridge connects once a card is inserted");

        assertArrayEquals(TestCard.ATR, vpcd.getAtr());
        assertTrue(bridge.isConnected());
        vpcd.send((byte) 0x01);
        assertArrayEquals(OK, vpcd.transmit(TestCard.SELECT));
        assertEquals("alpha", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));
        assertArrayEquals(new byte[] {0x6D, 0x00}, vpcd.transmit(new byte[] {0x00, 0x10, 0x00, 0x00}));

        assertEquals(List.of("powerOn"), alpha.events);
        assertTrue(bridge.isPowered());
        assertEquals(3, bridge.apduCount());
        assertEquals(1, bridge.connectionCount());
        assertTrue(events.get(0) instanceof VpcdEvent.Connected);
        assertTrue(events.get(1) instanceof VpcdEvent.PoweredOn);
        VpcdEvent.Apdu first = (VpcdEvent.Apdu) events.get(2);
        assertArrayEquals(TestCard.SELECT, first.command());
        assertArrayEquals(OK, first.response());
    }

    @Test
    void nothingListeningIsReportedAndRetried() throws Exception {
        int freePort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        List<VpcdEvent> seen = new CopyOnWriteArrayList<>();
        try (VpcdBridge nowhere = new VpcdBridge(VpcdAddress.parse("127.0.0.1:" + freePort), seen::add, SHORT_ABSENCE).start()) {
            nowhere.insert(alpha);
            eventually(() -> seen.stream().anyMatch(e -> e instanceof VpcdEvent.ConnectFailed));
            VpcdEvent.ConnectFailed first = (VpcdEvent.ConnectFailed) seen.get(0);
            assertEquals(freePort, first.port());
            assertEquals(1, first.attempt());
            assertTrue(seen.stream().filter(e -> e instanceof VpcdEvent.ConnectFailed f).allMatch(e ->
                    ((VpcdEvent.ConnectFailed) e).attempt() % VpcdBridge.REPORT_EVERY == 1), "reported, not flooded");
            assertTrue(!nowhere.isConnected());
        }
    }

    @Test
    void controlBytesGetNoReplyAndReachTheCard() throws Exception {
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        vpcd.send((byte) 0x01);
        vpcd.send((byte) 0x02);
        vpcd.send((byte) 0x00);
        vpcd.send((byte) 0x07);   // not in the protocol: ignored
        // the first reply on the wire is the ATR, so none of the control bytes above was answered
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());
        assertEquals(List.of("powerOn", "reset", "powerOff"), alpha.events);
        assertFalse(bridge.isPowered());
        assertEquals(0, bridge.apduCount());
    }

    @Test
    void aThrowingCardAnswers6F00AndStaysInTheReader() throws Exception {
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        assertArrayEquals(new byte[] {0x6F, 0x00}, vpcd.transmit(TestCard.BREAK));
        assertArrayEquals(OK, vpcd.transmit(TestCard.SELECT));
    }

    @Test
    void aThrowingListenerDoesNotBreakTheBridge() throws Exception {
        bridge.close();
        bridge = new VpcdBridge(vpcd.address(), event -> {
            throw new IllegalStateException("listener bug");
        }).start();
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        vpcd.send((byte) 0x01);
        assertArrayEquals(OK, vpcd.transmit(TestCard.SELECT));
    }

    @Test
    void staysAwayWhileTheSlotIsEmpty() throws Exception {
        assertFalse(vpcd.accept(300), "no card, no connection");
        assertFalse(bridge.isConnected());
    }

    @Test
    void removeClosesTheConnectionPowersTheCardOffAndInsertComesBack() throws Exception {
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        vpcd.send((byte) 0x01);
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());

        bridge.remove();

        assertTrue(vpcd.clientClosed(2000), "removal closes the socket, which pcscd reports as card removal");
        eventually(() -> !bridge.isConnected());
        assertFalse(bridge.isPowered());
        eventually(() -> alpha.events.equals(List.of("powerOn", "powerOff")));
        assertTrue(bridge.card().isEmpty());
        eventually(() -> events.stream().anyMatch(e -> e instanceof VpcdEvent.Disconnected d
                && d.cause() == VpcdEvent.Disconnected.Cause.CARD_REMOVED));
        assertFalse(vpcd.accept(300), "stays disconnected until insert");

        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());
        assertEquals(2, bridge.connectionCount());
    }

    @Test
    void removeWhenEmptyIsHarmlessAndDoubleInsertIsRefused() throws Exception {
        bridge.remove();
        bridge.insert(alpha);
        assertThrows(IllegalStateException.class, () -> bridge.insert(new TestCard("beta")));
        assertTrue(vpcd.accept(2000));
        assertEquals("alpha", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));
    }

    @Test
    void switchCardReconnectsWithTheOtherCard() throws Exception {
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        assertEquals("alpha", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));

        TestCard beta = new TestCard("beta");
        bridge.switchCard(beta);

        assertTrue(vpcd.clientClosed(2000));
        assertTrue(vpcd.accept(2000));
        assertEquals("beta", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));
        assertEquals(beta, bridge.card().orElseThrow());
    }

    @Test
    void switchCardIntoAnEmptySlotInserts() throws Exception {
        bridge.switchCard(alpha);
        assertTrue(vpcd.accept(2000));
        assertEquals("alpha", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));
    }

    @Test
    void theNextCardWaitsUntilPcscdHasPolledTheEmptySlot() throws Exception {
        bridge.close();
        VirtualWaits time = new VirtualWaits();
        List<Long> spokeAt = new CopyOnWriteArrayList<>();
        bridge = new VpcdBridge(vpcd.address(), event -> {
            if (event instanceof VpcdEvent.Connected) {
                spokeAt.add(time.nanoTime());
            }
        }, VpcdBridge.MIN_ABSENCE, time).start();
        long inserted = time.nanoTime();
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());
        eventually(() -> spokeAt.size() == 1);
        assertEquals(inserted, spokeAt.get(0), "the first insertion is immediate");

        long switched = time.nanoTime();
        bridge.switchCard(new TestCard("beta"));
        assertTrue(vpcd.clientClosed(2000));
        assertTrue(vpcd.accept(3000));
        assertEquals("beta", TestCard.name(vpcd.transmit(TestCard.GET_NAME)));
        eventually(() -> spokeAt.size() == 2);
        assertTrue(time.waited.contains(VpcdBridge.MIN_ABSENCE.toMillis()), "waited out the absence: " + time.waited);
        assertTrue(spokeAt.get(1) - switched >= VpcdBridge.MIN_ABSENCE.toNanos(),
                "reconnected " + (spokeAt.get(1) - switched) / 1_000_000 + " ms after the switch, before pcscd could poll the empty slot");
    }

    @Test
    void reconnectsAfterVpcdRestarts() throws Exception {
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        vpcd.send((byte) 0x01);
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());

        vpcd.stop();                       // pcscd killed
        eventually(() -> !bridge.isConnected());
        assertFalse(bridge.isPowered(), "a card that lost its reader lost power");
        int before = backoffs.waited.size();
        eventually(() -> backoffs.waited.size() >= before + 3); // a few refused connection attempts
        vpcd.restart();

        assertTrue(vpcd.accept(3000), "reconnects within the bounded backoff");
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());
        assertTrue(bridge.isConnected());
        eventually(() -> events.stream().anyMatch(e -> e instanceof VpcdEvent.Disconnected d
                && d.cause() != VpcdEvent.Disconnected.Cause.CARD_REMOVED));
    }

    @Test
    void reconnectsWhenVpcdDropsTheConnection() throws Exception {
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());
        vpcd.dropClient();
        assertTrue(vpcd.accept(2000));
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());
    }

    @Test
    void waitsForVpcdThatIsNotUpYet() throws Exception {
        vpcd.stop();
        bridge.insert(alpha);
        eventually(() -> backoffs.waited.size() >= 8);  // the backoff has reached its ceiling
        assertEquals(List.of(50L, 100L, 200L, 400L, 800L, 1000L, 1000L, 1000L), List.copyOf(backoffs.waited).subList(0, 8),
                "doubling from 50 ms, bounded by 1 s");
        vpcd.restart();
        assertTrue(vpcd.accept(3000), "connects on the next try once vpcd is up");
        assertTrue(backoffs.waited.stream().allMatch(w -> w <= VpcdBridge.MAX_BACKOFF.toMillis()), "" + backoffs.waited);
    }

    @Test
    void closeStopsCleanly() throws Exception {
        bridge.insert(alpha);
        assertTrue(vpcd.accept(2000));
        assertArrayEquals(TestCard.ATR, vpcd.getAtr());
        assertTrue(bridge.awaitConnected(Duration.ofSeconds(1)));

        bridge.close();

        assertTrue(vpcd.clientClosed(2000));
        assertFalse(vpcd.accept(300), "no reconnect after close");
        assertThrows(IllegalStateException.class, () -> bridge.insert(alpha));
        bridge.close();                    // idempotent
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 3 s");
            }
            Thread.sleep(10);
        }
    }
}
