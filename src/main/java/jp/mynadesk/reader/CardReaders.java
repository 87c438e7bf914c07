package jp.mynadesk.reader;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * Finds readers and opens cards through any javax.smartcardio factory: SunPCSC (pcscd) or the in-JVM
 * virtual reader. Failures come back as a {@link ReaderException} with the classified {@link PcscProblem}.
 */
public final class CardReaders {
    private final CardTerminals terminals;
    private final Supplier<TerminalFactory> factory;

    public CardReaders(TerminalFactory factory) {
        this.terminals = null;
        this.factory = () -> factory;
    }

    /**
     * Readers given as they are (the in-JVM virtual ones), with the factory only for {@link #monitor}: touching
     * {@link TerminalFactory} at all runs its static initialiser, which opens SunPCSC and connects to pcscd to make a
     * default factory nobody here uses (about 34 ms of a one-shot {@code check --virtual}, issue 23).
     */
    public CardReaders(CardTerminals terminals, Supplier<TerminalFactory> factory) {
        this.terminals = terminals;
        this.factory = factory;
    }

    /** Readers with card presence and ATR. An ATR is read by a short connect, as pcsc_scan does. */
    public List<ReaderInfo> list() throws ReaderException {
        List<ReaderInfo> out = new ArrayList<>();
        for (CardTerminal terminal : terminals()) {
            try {
                boolean present = terminal.isCardPresent();
                Optional<String> atr = Optional.empty();
                if (present) {
                    Card card = terminal.connect("*");
                    atr = Optional.of(HexFormat.of().withUpperCase().formatHex(card.getATR().getBytes()));
                }
                out.add(new ReaderInfo(terminal.getName(), present, atr));
            } catch (CardException | IllegalStateException e) {
                // A reader that vanished between list() and the query is simply not there any more.
                out.add(new ReaderInfo(terminal.getName(), false, Optional.empty()));
            }
        }
        return out;
    }

    /**
     * The reader whose name equals {@code wanted} or, failing that, the only one containing it; the first
     * reader when {@code wanted} is null.
     */
    public CardTerminal choose(String wanted) throws ReaderException {
        List<CardTerminal> all = terminals();
        if (all.isEmpty()) {
            throw new ReaderException(PcscProblem.NO_READERS, "no readers", null);
        }
        if (wanted == null || wanted.isBlank()) {
            return all.get(0);
        }
        List<CardTerminal> matches = new ArrayList<>();
        for (CardTerminal t : all) {
            if (t.getName().equals(wanted)) {
                return t;
            }
            if (t.getName().toLowerCase().contains(wanted.toLowerCase())) {
                matches.add(t);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new ReaderException(PcscProblem.NO_READERS, matches.isEmpty()
                ? "no reader matches \"" + wanted + "\""
                : "\"" + wanted + "\" matches " + matches.size() + " readers; give more of the name", null);
    }

    /** Waits up to {@code timeoutMillis} for a card and connects to it (T=1 or whatever the reader offers). */
    public Card connect(CardTerminal terminal, long timeoutMillis) throws ReaderException {
        try {
            if (!terminal.waitForCardPresent(timeoutMillis)) {
                throw new ReaderException(PcscProblem.CARD_REMOVED, "no card on " + terminal.getName(), null);
            }
            return terminal.connect("*");
        } catch (CardException | IllegalStateException e) {
            throw new ReaderException(PcscProblem.classify(e), e.getMessage(), e);
        }
    }

    private List<CardTerminal> terminals() throws ReaderException {
        try {
            return (terminals != null ? terminals : factory.get().terminals()).list();
        } catch (CardException | IllegalStateException e) {
            throw new ReaderException(PcscProblem.classify(e), e.getMessage(), e);
        }
    }

    /** Presence events for the same readers, watched by one thread in finite ticks. */
    public ReaderMonitor monitor() {
        return new ReaderMonitor(factory.get());
    }

    /** The real PC/SC stack; {@code getInstance} (not getDefault) so a stopped pcscd is an error, not an empty list. */
    public static CardReaders pcsc() throws ReaderException {
        try {
            return new CardReaders(TerminalFactory.getInstance("PC/SC", null));
        } catch (java.security.NoSuchAlgorithmException e) {
            PcscProblem problem = PcscProblem.classify(e);
            throw new ReaderException(problem == PcscProblem.OTHER ? PcscProblem.SERVICE_DOWN : problem, e.getMessage(), e);
        }
    }
}
