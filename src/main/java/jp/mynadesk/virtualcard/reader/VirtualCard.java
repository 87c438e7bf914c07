package jp.mynadesk.virtualcard.reader;

import java.util.concurrent.atomic.AtomicReference;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * A connection to the card in a {@link VirtualTerminal}, failing exactly as SunPCSC's {@code CardImpl}.
 *
 * <p>Why the odd rules: callers written against SunPCSC must meet the same exception types in the same order.
 * The first call that finds the card removed throws {@link CardException} caused by {@code SCARD_W_REMOVED_CARD}
 * and moves to REMOVED; every later call throws {@code IllegalStateException("Card has been removed")}. After
 * {@link #disconnect} calls throw {@code IllegalStateException("Card has been disconnected")}. Exclusive access
 * belongs to the thread that began it.
 *
 * <p>A reset by someone else ({@link VirtualTerminal#resetCard()}, or another handle's {@code disconnect(true)})
 * does not change the state: as with SunPCSC over pcsc-lite, every call keeps failing with {@link CardException}
 * caused by {@code SCARD_W_RESET_CARD}, because javax.smartcardio never reconnects a handle; the terminal's
 * {@code connect} then hands out a fresh {@code Card}. (We chose this over an {@code IllegalStateException} so
 * that reset classification is the same as on a real reader.)
 */
final class VirtualCard extends Card {

    private enum State { OK, REMOVED, DISCONNECTED }

    private final String readerName;
    private final CardSlot slot;
    private final CardSlot.Handle handle;
    private final ATR atr;
    private final VirtualChannel basicChannel;
    private volatile State state = State.OK;
    private final AtomicReference<Thread> exclusiveThread = new AtomicReference<>();

    VirtualCard(String readerName, CardSlot slot, CardSlot.Handle handle, boolean hostGetResponse) {
        this.readerName = readerName;
        this.slot = slot;
        this.handle = handle;
        this.atr = new ATR(handle.atr());
        this.basicChannel = new VirtualChannel(this, hostGetResponse);
    }

    @Override
    public ATR getATR() {
        return atr;
    }

    @Override
    public String getProtocol() {
        return handle.protocol().label();
    }

    @Override
    public CardChannel getBasicChannel() {
        checkState();
        return basicChannel;
    }

    /** Not supported: the emulated cards have no logical channels. Removal is still reported first. */
    @Override
    public CardChannel openLogicalChannel() throws CardException {
        checkState();
        checkExclusive();
        probe("openLogicalChannel() failed");
        throw new CardException("openLogicalChannel() is not supported by the virtual reader");
    }

    @Override
    public void beginExclusive() throws CardException {
        checkState();
        Thread me = Thread.currentThread();
        if (!exclusiveThread.compareAndSet(null, me)) {
            Thread owner = exclusiveThread.get();
            throw new CardException("Exclusive access has already been assigned to Thread "
                    + (owner == null ? "(just released)" : owner.getName()));
        }
        try {
            slot.beginTransaction(handle);
        } catch (PcscStatus e) {
            exclusiveThread.compareAndSet(me, null);
            handleError(e);
            throw new CardException("beginExclusive() failed", e);
        }
    }

    @Override
    public void endExclusive() throws CardException {
        checkState();
        Thread me = Thread.currentThread();
        if (exclusiveThread.get() != me) {
            throw new IllegalStateException("Exclusive access not assigned to current Thread");
        }
        try {
            slot.endTransaction(handle);
        } catch (PcscStatus e) {
            handleError(e);
            throw new CardException("endExclusive() failed", e);
        } finally {
            exclusiveThread.compareAndSet(me, null);
        }
    }

    /** The virtual reader understands no control codes (pcsc-lite answers SCARD_E_UNSUPPORTED_FEATURE). */
    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkState();
        checkExclusive();
        throw new CardException("transmitControlCommand() failed",
                new PcscStatus(PcscStatus.Code.SCARD_E_UNSUPPORTED_FEATURE));
    }

    /** {@code true} warm-resets the card, {@code false} leaves it powered; a no-op unless the state is OK. */
    @Override
    public void disconnect(boolean reset) throws CardException {
        if (state != State.OK) {
            return;
        }
        checkExclusive();
        try {
            slot.disconnect(handle, reset);
        } finally {
            state = State.DISCONNECTED;
            exclusiveThread.set(null);
        }
    }

    @Override
    public String toString() {
        return "PC/SC card in " + readerName + ", protocol " + getProtocol() + ", state " + state;
    }

    /** SunPCSC's {@code isValid}: still OK and the handle still answers (not removed, reset or unplugged). */
    boolean isValid() {
        return state == State.OK && slot.isValid(handle);
    }

    byte[] exchange(byte[] command) throws PcscStatus {
        return slot.transmit(handle, command);
    }

    Protocol protocol() {
        return handle.protocol();
    }

    void checkState() {
        State s = state;
        if (s == State.DISCONNECTED) {
            throw new IllegalStateException("Card has been disconnected");
        }
        if (s == State.REMOVED) {
            throw new IllegalStateException("Card has been removed");
        }
    }

    void checkExclusive() throws CardException {
        Thread owner = exclusiveThread.get();
        if (owner != null && owner != Thread.currentThread()) {
            throw new CardException("Exclusive access established by another Thread");
        }
    }

    void handleError(PcscStatus e) {
        if (e.code() == PcscStatus.Code.SCARD_W_REMOVED_CARD) {
            state = State.REMOVED;
        }
    }

    private void probe(String failure) throws CardException {
        try {
            slot.check(handle);
        } catch (PcscStatus e) {
            handleError(e);
            throw new CardException(failure, e);
        }
    }
}
