package jp.mynadesk.virtualcard.vpcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import jp.mynadesk.testsupport.PcscdCheck;
import jp.mynadesk.testsupport.RequiresPcscd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge through the real pcscd + vpcd reader, as the desk will see a card: javax.smartcardio
 * (SunPCSC) → libpcsclite → pcscd → libifdvpcd → TCP → {@link VpcdBridge} → {@link TestCard}.
 * Timings are printed for the record, not asserted beyond generous bounds.
 */
@RequiresPcscd
class VpcdBridgePcscTest {

    private static final CommandAPDU SELECT = new CommandAPDU(TestCard.SELECT);
    private static final CommandAPDU GET_NAME = new CommandAPDU(TestCard.GET_NAME);

    private final TestCard alpha = new TestCard("alpha");
    private CardTerminal terminal;
    private VpcdBridge bridge;

    @BeforeEach
    void insertCard() throws Exception {
        terminal = PcscdCheck.terminal();
        assertFalse(terminal.isCardPresent(),
                "slot already occupied: another emulator holds vpcd port " + VpcdAddress.DEFAULT_PORT);
        bridge = new VpcdBridge(VpcdAddress.DEFAULT).start();
        bridge.insert(alpha);
        long start = System.nanoTime();
        assertTrue(terminal.waitForCardPresent(5000), "pcscd never saw the bridged card");
        note("card present after insert", start);
    }

    @AfterEach
    void removeCard() throws Exception {
        if (bridge != null) {
            bridge.close();
            // leave the slot empty for the next test (pcscd polls every ~400 ms)
            assertTrue(terminal.waitForCardAbsent(5000));
        }
    }

    @Test
    void connectsT1AndExchangesApdus() throws Exception {
        Card card = terminal.connect("T=1");
        try {
            assertEquals("T=1", card.getProtocol());
            assertArrayEquals(TestCard.ATR, card.getATR().getBytes());
            CardChannel channel = card.getBasicChannel();
            assertEquals(0x9000, channel.transmit(SELECT).getSW());
            ResponseAPDU name = channel.transmit(GET_NAME);
            assertEquals(0x9000, name.getSW());
            assertEquals("alpha", new String(name.getData(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(0x6D00, channel.transmit(new CommandAPDU(0x00, 0x10, 0x00, 0x00)).getSW());
            assertTrue(bridge.isPowered());
            assertEquals(3, bridge.apduCount());
            assertTrue(alpha.events.contains("powerOn"), alpha.events.toString());
        } finally {
            card.disconnect(false);
        }
    }

    @Test
    void removalIsSeenAsRemovedCardAndReinsertionWorks() throws Exception {
        Card card = terminal.connect("T=1");
        assertEquals(0x9000, card.getBasicChannel().transmit(SELECT).getSW());

        long start = System.nanoTime();
        bridge.remove();
        assertTrue(terminal.waitForCardAbsent(3000), "pcscd did not notice the removal");
        note("card absent after remove", start);

        CardException first = assertThrows(CardException.class, () -> card.getBasicChannel().transmit(SELECT));
        System.out.println("[vpcd e2e] transmit after removal: " + chain(first));
        assertTrue(chain(first).contains("SCARD_W_REMOVED_CARD"), chain(first));
        RuntimeException second = assertThrows(RuntimeException.class, () -> card.getBasicChannel().transmit(SELECT));
        System.out.println("[vpcd e2e] second transmit after removal: " + chain(second));
        CardException empty = assertThrows(CardNotPresentException.class, () -> terminal.connect("*"));
        System.out.println("[vpcd e2e] connect on the empty slot: " + chain(empty));
        assertTrue(alpha.events.contains("powerOff"), "a pulled card loses power: " + alpha.events);

        start = System.nanoTime();
        bridge.insert(alpha);
        assertTrue(terminal.waitForCardPresent(3000), "pcscd did not notice the reinsertion");
        note("card present after re-insert", start);
        Card again = terminal.connect("T=1");
        try {
            assertEquals(0x9000, again.getBasicChannel().transmit(SELECT).getSW());
        } finally {
            again.disconnect(false);
        }
    }

    @Test
    void switchingCardsInvalidatesTheOldHandle() throws Exception {
        Card card = terminal.connect("T=1");
        assertEquals("alpha", name(card));

        long start = System.nanoTime();
        bridge.switchCard(new TestCard("beta"));
        // Right after the pull, before pcscd's next poll, vpcd fails the transmit on the dead socket
        // (observed: SCARD_E_NOT_TRANSACTED); once pcscd has polled, the handle reports the removal.
        try {
            card.getBasicChannel().transmit(SELECT);
            System.out.println("[vpcd e2e] transmit right after switch: answered (pull not yet seen)");
        } catch (CardException | IllegalStateException | IllegalArgumentException e) {
            // IllegalArgumentException: SunPCSC got zero bytes back from the dead link (as SmartcardioTransport knows)
            System.out.println("[vpcd e2e] transmit right after switch: " + chain(e));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (bridge.connectionCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, bridge.connectionCount(), "vpcd never took the second card");
        note("vpcd took the second card after switch", start);
        Exception stale = assertThrows(Exception.class, () -> card.getBasicChannel().transmit(SELECT));
        System.out.println("[vpcd e2e] old handle after switch: " + chain(stale));
        assertTrue(chain(stale).contains("SCARD_W_REMOVED_CARD") || chain(stale).contains("Card has been removed"),
                "the old handle must report the removal: " + chain(stale));
        assertTrue(terminal.waitForCardPresent(3000));
        Card beta = terminal.connect("T=1");
        try {
            assertEquals("beta", name(beta));
        } finally {
            beta.disconnect(false);
        }
    }

    @Test
    void disconnectWithResetReachesTheCardAsReset() throws Exception {
        Card card = terminal.connect("T=1");
        assertEquals(0x9000, card.getBasicChannel().transmit(SELECT).getSW());
        card.disconnect(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!alpha.events.contains("reset") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.println("[vpcd e2e] card events after disconnect(reset=true): " + alpha.events);
        assertTrue(alpha.events.contains("reset"), alpha.events.toString());
    }

    /** A long run of APDUs through pcscd, each answered and counted (APDU/s is bench --pcsc's figure, not a test's). */
    @Test
    void aLongRunOfApdusIsAnsweredOneForOne() throws Exception {
        int count = 500;
        Card card = terminal.connect("T=1");
        try {
            CardChannel channel = card.getBasicChannel();
            long before = bridge.apduCount();
            for (int i = 0; i < count; i++) {
                assertEquals(0x9000, channel.transmit(SELECT).getSW());
            }
            assertEquals(before + count, bridge.apduCount(), "every APDU reached the card exactly once");
        } finally {
            card.disconnect(false);
        }
    }

    private static String name(Card card) throws CardException {
        ResponseAPDU response = card.getBasicChannel().transmit(GET_NAME);
        return new String(response.getData(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void note(String what, long startNanos) {
        System.out.printf("[vpcd e2e] %s: %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
