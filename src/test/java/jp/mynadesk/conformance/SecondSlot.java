package jp.mynadesk.conformance;

import java.util.concurrent.TimeUnit;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.vpcd.VpcdAddress;
import jp.mynadesk.virtualcard.vpcd.VpcdBridge;

/**
 * The second vpcd slot ({@value #READER}), served by a bridge of its own so these tests never meet the cards of
 * other PC/SC tests on the first slot.
 */
final class SecondSlot implements AutoCloseable {
    static final String READER = "Virtual PCD 00 01";

    private final VpcdBridge bridge = new VpcdBridge(new VpcdAddress("127.0.0.1", VpcdAddress.DEFAULT_PORT + 1)).start();

    /**
     * Swaps the card in the slot and returns once vpcd has taken the new one: the old card must be gone (a new
     * connection) before anyone asks, or pcscd would still answer for the old card.
     */
    void switchCard(EmulatedCard card) throws InterruptedException {
        long connections = bridge.connectionCount();
        bridge.switchCard(card);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (bridge.connectionCount() == connections || !bridge.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("vpcd did not take the card in " + READER);
            }
            Thread.sleep(20);
        }
    }

    /** Takes the card out, as a person pulling it. */
    void remove() {
        bridge.remove();
    }

    @Override
    public void close() {
        bridge.close();
    }
}
