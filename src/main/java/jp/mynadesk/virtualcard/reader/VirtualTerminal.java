package jp.mynadesk.virtualcard.reader;

import java.util.Objects;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.virtualcard.EmulatedCard;

/**
 * One virtual reader, obtained from {@link VirtualTerminals#plug}. The javax.smartcardio side behaves as SunPCSC's
 * {@code TerminalImpl}; the test side ({@link #insert}, {@link #remove}, {@link #resetCard}) may be driven at any
 * time from any thread, which is how removal during a transaction is simulated.
 *
 * <p>{@link #connect} caches its {@code Card} and returns it again while it is valid, as SunPCSC does (a different
 * protocol on a live card is a {@link CardException}); {@link #connectSeparately} stands for another application
 * with its own PC/SC context, needed to provoke sharing violations and resets by someone else.
 */
public final class VirtualTerminal extends CardTerminal {

    private final String name;
    private final TerminalOptions options;
    private final VirtualTerminals terminals;
    private final CardSlot slot;
    private VirtualCard cached; // guarded by this

    VirtualTerminal(String name, TerminalOptions options, VirtualTerminals terminals) {
        this.name = Objects.requireNonNull(name, "name");
        this.options = Objects.requireNonNull(options, "options");
        this.terminals = terminals;
        this.slot = new CardSlot(options.t0(), terminals::changed);
    }

    @Override
    public String getName() {
        return name;
    }

    public TerminalOptions options() {
        return options;
    }

    /**
     * Puts a card in the slot (unpowered; the first connect powers it on) and wakes presence watchers.
     *
     * @throws IllegalStateException if a card is already inserted or the reader is unplugged
     */
    public void insert(EmulatedCard card) {
        slot.insert(options.presenter().apply(Objects.requireNonNull(card, "card")));
        terminals.changed();
    }

    /** Pulls the card out (powering it off); connected {@code Card}s see {@code SCARD_W_REMOVED_CARD}. */
    public boolean remove() {
        boolean removed = slot.remove();
        if (removed) {
            terminals.changed();
        }
        return removed;
    }

    /**
     * Warm-resets the card as another application would; connected {@code Card}s then fail with
     * {@code SCARD_W_RESET_CARD} (see {@link VirtualCard}) and the next {@link #connect} gives a fresh one.
     *
     * @return false if the slot is empty
     */
    public boolean resetCard() {
        return slot.resetByOther();
    }

    /** Installs a fault injector on this reader's wire ({@code null} removes it). */
    public void setResponseTamperer(ResponseTamperer tamperer) {
        slot.tamperer(tamperer);
    }

    /** Commands that reached the card, counting each GET RESPONSE and 6Cxx resend round. */
    public long transmitCount() {
        return slot.transmitCount();
    }

    /**
     * Accepts {@code "*"}, {@code "T=1"} / {@code "T=0"} (whichever the reader speaks; the other fails with
     * {@code SCARD_E_PROTO_MISMATCH}) and {@code "direct"} (a connection on which APDUs fail).
     *
     * @throws CardNotPresentException "No card present", caused by {@code SCARD_E_NO_SMARTCARD}, on an empty slot
     * @throws CardException caused by {@code SCARD_E_READER_UNAVAILABLE} once the reader is unplugged
     */
    @Override
    public synchronized Card connect(String protocol) throws CardException {
        if (cached != null) {
            if (cached.isValid()) {
                String active = cached.getProtocol();
                if (protocol.equals("*") || protocol.equalsIgnoreCase(active)) {
                    return cached;
                }
                throw new CardException("Cannot connect using " + protocol
                        + ", connection already established using " + active);
            }
            cached = null;
        }
        cached = open(protocol);
        return cached;
    }

    /** A connection as if from another process: never cached, shares the card and its transaction lock. */
    public Card connectSeparately(String protocol) throws CardException {
        return open(protocol);
    }

    /** @throws CardException caused by {@code SCARD_E_READER_UNAVAILABLE} once the reader is unplugged */
    @Override
    public boolean isCardPresent() throws CardException {
        try {
            return slot.isPresent();
        } catch (PcscStatus e) {
            throw new CardException("isCardPresent() failed", e);
        }
    }

    /** Timeout in ms, 0 = forever; returns false on timeout. */
    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return waitForCard(true, timeout);
    }

    /** Timeout in ms, 0 = forever; returns false on timeout. */
    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return waitForCard(false, timeout);
    }

    @Override
    public String toString() {
        return "PC/SC terminal " + name;
    }

    void unplug() {
        slot.unplug();
    }

    CardSlot.Observation observe() {
        return slot.observe();
    }

    private VirtualCard open(String protocol) throws CardException {
        Protocol requested = Protocol.requested(protocol, slot.readerProtocol());
        try {
            return new VirtualCard(name, slot, slot.connect(requested), options.hostGetResponse());
        } catch (PcscStatus e) {
            if (e.code() == PcscStatus.Code.SCARD_W_REMOVED_CARD || e.code() == PcscStatus.Code.SCARD_E_NO_SMARTCARD) {
                throw new CardNotPresentException("No card present", e);
            }
            throw new CardException("connect() failed", e);
        }
    }

    private boolean waitForCard(boolean wantPresent, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        boolean reached;
        try {
            reached = terminals.await(() -> {
                CardSlot.Observation now = slot.observe();
                return !now.plugged() || now.present() == wantPresent;
            }, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("waitForCard() interrupted", e);
        }
        if (!slot.observe().plugged()) {
            throw new CardException("waitForCard() failed", new PcscStatus(PcscStatus.Code.SCARD_E_READER_UNAVAILABLE));
        }
        return reached;
    }
}
