package jp.mynadesk.virtualcard.reader;

import java.util.Optional;
import java.util.function.LongConsumer;
import jp.mynadesk.card.Ticker;
import jp.mynadesk.virtualcard.CardFault;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.T0Transport;

/**
 * A card seen through a {@link ReaderProfile}: the reader's ATR, its refusal of extended APDUs, its response cap,
 * its latency, the card leaving after a while, and (behind vpcd) T=0 procedure bytes. The card itself is unchanged;
 * only what crosses the reader is.
 */
final class ReaderQuirkCard implements EmulatedCard {
    private static final byte[] WRONG_LENGTH = {0x67, 0x00};
    private static final byte[] NO_ANSWER = {0x6F, 0x00};

    private final ReaderProfile profile;
    private final EmulatedCard card;
    private final Ticker ticker;
    private final LongConsumer pause;
    private final T0Transport t0;
    private long poweredAt;
    private boolean powered;
    private CardFault fault;

    ReaderQuirkCard(ReaderProfile profile, EmulatedCard card, Ticker ticker, LongConsumer pause, boolean procedureBytes) {
        this.profile = profile;
        this.card = card;
        this.ticker = ticker;
        this.pause = pause;
        this.t0 = procedureBytes ? new T0Transport() : null;
    }

    @Override
    public byte[] atr() {
        return profile.atr() == null ? card.atr() : profile.atrBytes();
    }

    @Override
    public synchronized void powerOn() {
        powered = true;
        poweredAt = ticker.nanos();
        clearT0();
        card.powerOn();
    }

    @Override
    public synchronized void powerOff() {
        powered = false;
        clearT0();
        card.powerOff();
    }

    @Override
    public synchronized void reset() {
        clearT0();
        card.reset();
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        fault = null;
        if (powered && profile.dropAfterSeconds() > 0
                && ticker.nanos() - poweredAt >= profile.dropAfterSeconds() * 1_000_000_000L) {
            fault = new CardFault.LeftReader();
            return NO_ANSWER.clone();
        }
        if (!profile.extendedApdus() && isExtended(command)) {
            return WRONG_LENGTH.clone();   // a short-APDU reader cannot frame it; the card never sees it
        }
        if (profile.latencyMillis() > 0) {
            pause.accept(profile.latencyMillis());
        }
        byte[] response = t0 != null ? t0.exchange(card, command) : card.process(command);
        Optional<CardFault> inner = card.takeFault();
        if (inner.isPresent()) {
            fault = inner.get();
            return response;
        }
        if (profile.maxResponse() > 0 && response.length - 2 > profile.maxResponse()) {
            fault = new CardFault.PcscError("SCARD_E_INSUFFICIENT_BUFFER");
            return NO_ANSWER.clone();
        }
        return response;
    }

    @Override
    public synchronized Optional<CardFault> takeFault() {
        Optional<CardFault> taken = Optional.ofNullable(fault);
        fault = null;
        return taken;
    }

    /** Extended Lc or Le: the byte after the header is 00 and more than one byte follows. */
    static boolean isExtended(byte[] command) {
        return command.length >= 7 && command[4] == 0;
    }

    private void clearT0() {
        if (t0 != null) {
            t0.clear();
        }
    }
}
