package jp.mynadesk.virtualcard.reader;

import static jp.mynadesk.virtualcard.reader.PcscStatus.Code.SCARD_E_INSUFFICIENT_BUFFER;
import static jp.mynadesk.virtualcard.reader.PcscStatus.Code.SCARD_E_NO_SMARTCARD;
import static jp.mynadesk.virtualcard.reader.PcscStatus.Code.SCARD_E_PROTO_MISMATCH;
import static jp.mynadesk.virtualcard.reader.PcscStatus.Code.SCARD_E_READER_UNAVAILABLE;
import static jp.mynadesk.virtualcard.reader.PcscStatus.Code.SCARD_E_SHARING_VIOLATION;
import static jp.mynadesk.virtualcard.reader.PcscStatus.Code.SCARD_W_REMOVED_CARD;
import static jp.mynadesk.virtualcard.reader.PcscStatus.Code.SCARD_W_RESET_CARD;

import java.util.Objects;
import java.util.Optional;
import jp.mynadesk.virtualcard.CardFault;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.T0Transport;

/**
 * One reader slot as pcscd sees it: the inserted card, its power, the handles connected to it and the
 * transaction lock. It speaks PC/SC return codes ({@link PcscStatus}); turning them into javax.smartcardio
 * exceptions is the job of {@link VirtualCard} and {@link VirtualTerminal}, as in SunPCSC.
 *
 * <p>A handle remembers which insertion and which reset it was opened on; a later removal or reset makes every
 * call on it fail with {@code SCARD_W_REMOVED_CARD} / {@code SCARD_W_RESET_CARD} (sticky, as pcsc-lite does until
 * {@code SCardReconnect}, which javax.smartcardio never calls). All state is guarded by this object's monitor,
 * which also serialises APDUs to the card.
 */
final class CardSlot {

    /** SunPCSC's native receive buffer ({@code RECEIVE_BUFFER_SIZE} in libj2pcsc): larger responses fail. */
    static final int RECEIVE_BUFFER_SIZE = 8192;

    /** A connection to the card, compared by identity. */
    static final class Handle {
        private final long insertion;
        private final long reset;
        private final Protocol protocol;
        private final byte[] atr;

        private Handle(long insertion, long reset, Protocol protocol, byte[] atr) {
            this.insertion = insertion;
            this.reset = reset;
            this.protocol = protocol;
            this.atr = atr;
        }

        Protocol protocol() {
            return protocol;
        }

        byte[] atr() {
            return atr.clone();
        }
    }

    /** What a presence watcher compares; {@code events} counts insertions and removals. */
    record Observation(boolean plugged, boolean present, long events) {}

    private final Protocol readerProtocol;
    private final T0Transport t0;
    private final AtomicLong transmits = new AtomicLong();
    private volatile ResponseTamperer tamperer = ResponseTamperer.NONE;

    private EmulatedCard card;
    private long insertion;
    private long reset;
    private boolean powered;
    private boolean plugged = true;
    private Handle transactionOwner;

    private final Runnable changed;

    /** @param changed told (outside this slot's lock) when the card leaves on its own, to wake presence watchers */
    CardSlot(boolean t0Mode, Runnable changed) {
        this.readerProtocol = t0Mode ? Protocol.T0 : Protocol.T1;
        this.t0 = t0Mode ? new T0Transport() : null;
        this.changed = changed;
    }

    Protocol readerProtocol() {
        return readerProtocol;
    }

    synchronized void insert(EmulatedCard newCard) {
        Objects.requireNonNull(newCard, "card");
        if (!plugged) {
            throw new IllegalStateException("The reader has been unplugged");
        }
        if (card != null) {
            throw new IllegalStateException("A card is already inserted; remove it first");
        }
        card = newCard;
        insertion++;
        powered = false;
        forgetSessions();
    }

    synchronized boolean remove() {
        if (card == null) {
            return false;
        }
        if (powered) {
            card.powerOff();
        }
        card = null;
        powered = false;
        insertion++;
        forgetSessions();
        return true;
    }

    synchronized void unplug() {
        remove();
        plugged = false;
    }

    /** A reset by someone else (another application's {@code SCARD_RESET_CARD}): other handles see a reset card. */
    synchronized boolean resetByOther() {
        if (card == null) {
            return false;
        }
        warmReset();
        return true;
    }

    synchronized Observation observe() {
        return new Observation(plugged, card != null, insertion);
    }

    synchronized boolean isPresent() throws PcscStatus {
        requirePlugged();
        return card != null;
    }

    /** SCardConnect: powers the card on (cold) the first time after insertion. */
    synchronized Handle connect(Protocol protocol) throws PcscStatus {
        requirePlugged();
        if (card == null) {
            throw new PcscStatus(SCARD_E_NO_SMARTCARD);
        }
        if (protocol != Protocol.DIRECT && protocol != readerProtocol) {
            throw new PcscStatus(SCARD_E_PROTO_MISMATCH);
        }
        if (!powered) {
            card.powerOn();
            powered = true;
        }
        return new Handle(insertion, reset, protocol, card.atr().clone());
    }

    /** The state check pcsc-lite makes before every operation on a handle. */
    synchronized void check(Handle handle) throws PcscStatus {
        requirePlugged();
        if (card == null || handle.insertion != insertion) {
            throw new PcscStatus(SCARD_W_REMOVED_CARD);
        }
        if (handle.reset != reset) {
            throw new PcscStatus(SCARD_W_RESET_CARD);
        }
    }

    synchronized boolean isValid(Handle handle) {
        try {
            check(handle);
            return true;
        } catch (PcscStatus e) {
            return false;
        }
    }

    /** SCardBeginTransaction, failing at once (not blocking) when another handle holds the lock. */
    synchronized void beginTransaction(Handle handle) throws PcscStatus {
        check(handle);
        if (transactionOwner != null && transactionOwner != handle) {
            throw new PcscStatus(SCARD_E_SHARING_VIOLATION);
        }
        transactionOwner = handle;
    }

    synchronized void endTransaction(Handle handle) throws PcscStatus {
        if (transactionOwner == handle) {
            transactionOwner = null;
        }
        check(handle);
    }

    /** SCardDisconnect with {@code SCARD_RESET_CARD} (warm reset) or {@code SCARD_LEAVE_CARD} (stays powered). */
    synchronized void disconnect(Handle handle, boolean resetCard) {
        if (transactionOwner == handle) {
            transactionOwner = null;
        }
        if (resetCard && isValid(handle)) {
            warmReset();
        }
    }

    /** SCardTransmit: one command to the card, one response back, through the T=0 layer and the tamperer. */
    byte[] transmit(Handle handle, byte[] command) throws PcscStatus {
        byte[] response;
        Optional<CardFault> fault;
        synchronized (this) {
            check(handle);
            if (handle.protocol == Protocol.DIRECT) {
                throw new PcscStatus(SCARD_E_PROTO_MISMATCH);
            }
            if (transactionOwner != null && transactionOwner != handle) {
                throw new PcscStatus(SCARD_E_SHARING_VIOLATION);
            }
            transmits.incrementAndGet();
            response = t0 != null ? t0.exchange(card, command) : card.process(command);
            fault = card.takeFault();
            if (fault.isPresent() && fault.get() instanceof CardFault.LeftReader) {
                remove();
            }
        }
        if (fault.isPresent()) {
            raise(fault.get());
        }
        response = tamperer.tamper(command.clone(), response);
        // A card pulled while the response was on its way loses the response, as a real one would.
        check(handle);
        if (response.length > RECEIVE_BUFFER_SIZE) {
            throw new PcscStatus(SCARD_E_INSUFFICIENT_BUFFER);
        }
        return response;
    }

    /** The answer is lost: the host sees what a real stack reports for that fault. */
    private void raise(CardFault fault) throws PcscStatus {
        if (fault instanceof CardFault.LeftReader) {
            changed.run();
            throw new PcscStatus(SCARD_W_REMOVED_CARD);
        }
        if (fault instanceof CardFault.PcscError error) {
            throw new PcscStatus(PcscStatus.code(error.scardName()));
        }
        if (fault instanceof CardFault.ReaderGone) {
            throw new PcscStatus(SCARD_E_READER_UNAVAILABLE);
        }
        throw new IllegalStateException("card fault not handled: " + fault);
    }

    long transmitCount() {
        return transmits.get();
    }

    void tamperer(ResponseTamperer newTamperer) {
        tamperer = newTamperer == null ? ResponseTamperer.NONE : newTamperer;
    }

    private void warmReset() {
        if (powered) {
            card.reset();
        }
        reset++;
        forgetSessions();
    }

    private void forgetSessions() {
        transactionOwner = null;
        if (t0 != null) {
            t0.clear();
        }
    }

    private void requirePlugged() throws PcscStatus {
        if (!plugged) {
            throw new PcscStatus(SCARD_E_READER_UNAVAILABLE);
        }
    }
}
