package jp.mynadesk.scenario;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.vpcd.VpcdAddress;
import jp.mynadesk.virtualcard.vpcd.VpcdBridge;

/**
 * Where the scenario's card goes on and off: the in-JVM virtual reader, or the vpcd bridge behind pcscd
 * ({@code --pcsc}). The same card object goes back on after a removal, so its PIN counter carries over like a
 * real card's.
 */
interface CardSlot extends AutoCloseable {
    void insert(EmulatedCard card);

    void remove();

    @Override
    void close();

    /** The in-JVM reader of the station. */
    static CardSlot of(VirtualTerminal terminal) {
        return new CardSlot() {
            @Override
            public void insert(EmulatedCard card) {
                terminal.remove();
                terminal.insert(card);
            }

            @Override
            public void remove() {
                terminal.remove();
            }

            @Override
            public void close() {
                terminal.remove();
            }
        };
    }

    /** A vpcd bridge to pcscd's {@code reader}; waits until pcscd has seen each change, as a clerk would. */
    static CardSlot pcsc(String reader) throws ReaderException {
        CardTerminal terminal = CardReaders.pcsc().choose(reader);
        VpcdBridge bridge = new VpcdBridge(VpcdAddress.DEFAULT).start();
        return new CardSlot() {
            @Override
            public void insert(EmulatedCard card) {
                // Out first and seen out: otherwise pcscd may still report the old card as the new one's presence.
                bridge.remove();
                await(false);
                bridge.insert(card);
                await(true);
            }

            @Override
            public void remove() {
                bridge.remove();
                await(false);
            }

            @Override
            public void close() {
                bridge.close();
                await(false);
            }

            private void await(boolean present) {
                try {
                    boolean seen = present ? terminal.waitForCardPresent(10_000) : terminal.waitForCardAbsent(10_000);
                    if (!seen) {
                        throw new IllegalStateException("pcscd did not see the card " + (present ? "inserted" : "removed"));
                    }
                } catch (CardException e) {
                    throw new IllegalStateException("pcscd: " + e.getMessage(), e);
                }
            }
        };
    }
}
