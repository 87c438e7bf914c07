package jp.mynadesk.virtualcard;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.Jpki;
import jp.mynadesk.card.Trace;
import jp.mynadesk.card.TraceEntry;

/**
 * A card that answers from a recorded trace (docs/TRACE.md), so whatever reads cards (the host driver, the desk)
 * can run unchanged against a field recording in the in-JVM reader or behind vpcd.
 *
 * <p>Each command must be the next recorded one (a case 4 command may arrive without its Le, as T=0 sends it);
 * a masked byte (the PIN of a masked VERIFY) matches any value, so
 * replay never needs the real PIN. The recorded answer comes back as it was, events included: a recorded removal
 * makes the card leave the slot at that command ({@link CardFault.LeftReader}), a reader that went away or a PC/SC
 * error fails that exchange the same way, and a recorded {@code DELAY} is waited out through the injected pause.
 * The first command that differs is kept ({@link #divergence()}); from then on every command gets {@code 6F00}.
 * A recorded malformed answer also replays as {@code 6F00}: a javax.smartcardio stack cannot deliver one.
 */
public final class ReplayCard implements EmulatedCard {
    private static final byte[] NO_PRECISE_DIAGNOSIS = {0x6F, 0x00};

    /**
     * Where the conversation left the recording.
     *
     * @param command  1-based number of the command that differs
     * @param line     the trace line of the recorded command, or of the end of the recording
     * @param expected the recorded command (masked as recorded), or {@code null} when the host sent more commands
     *                 than were recorded
     * @param actual   what the host sent (PIN bytes masked), or {@code null} when the host stopped before the
     *                 recording ended
     */
    public record Divergence(int command, int line, String expected, String actual) {}

    private final Trace trace;
    private final List<TraceEntry> entries;
    private final LongConsumer pause;
    private final byte[] atr;
    private int cursor;
    private int commands;
    private Divergence divergence;
    private CardFault fault;

    /** @param pause waits out a recorded {@code DELAY} (milliseconds); tests pass one that only counts */
    public ReplayCard(Trace trace, LongConsumer pause) {
        this.trace = trace;
        this.entries = trace.entries();
        this.pause = pause;
        this.atr = trace.header().atr() == null ? Jpki.ATR.clone() : HexFormat.of().parseHex(trace.header().atr());
    }

    /** A replay that really waits for recorded delays. */
    public static ReplayCard of(Trace trace) {
        return new ReplayCard(trace, Pauses.REAL);
    }

    /** The recorded ATR (or the JPKI contact ATR when the trace has none). */
    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public void powerOn() {
        // The recording holds the conversation, not the power: nothing to reset.
    }

    @Override
    public void powerOff() {
        // as powerOn
    }

    @Override
    public void reset() {
        // as powerOn
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        fault = null;
        if (divergence != null) {
            return NO_PRECISE_DIAGNOSIS.clone();
        }
        skipComments();
        if (cursor < entries.size() && entries.get(cursor) instanceof TraceEntry.Event standalone) {
            // A removal recorded between commands: the card is already gone when this command arrives.
            cursor++;
            fault = standalone.kind() == TraceEntry.Kind.READER_GONE ? new CardFault.ReaderGone() : new CardFault.LeftReader();
            return NO_PRECISE_DIAGNOSIS.clone();
        }
        commands++;
        if (cursor >= entries.size()) {
            divergence = new Divergence(commands, endLine(), null, ApduTrace.masked(command));
            return NO_PRECISE_DIAGNOSIS.clone();
        }
        TraceEntry.Command expected = (TraceEntry.Command) entries.get(cursor);
        if (!expected.matchesAtTheCard(command)) {
            divergence = new Divergence(commands, trace.lineNumbers().get(cursor), expected.hex(), ApduTrace.masked(command));
            return NO_PRECISE_DIAGNOSIS.clone();
        }
        cursor++;
        return answer();
    }

    @Override
    public synchronized Optional<CardFault> takeFault() {
        Optional<CardFault> taken = Optional.ofNullable(fault);
        fault = null;
        return taken;
    }

    /** The first difference so far, if any (the host may still be running). */
    public synchronized Optional<Divergence> divergence() {
        return Optional.ofNullable(divergence);
    }

    /**
     * The verdict once the host is done: the first difference, or — when every command it sent matched but the
     * recording goes on — the first recorded command it never sent.
     */
    public synchronized Optional<Divergence> finish() {
        if (divergence != null) {
            return Optional.of(divergence);
        }
        for (int i = cursor; i < entries.size(); i++) {
            if (entries.get(i) instanceof TraceEntry.Command missing) {
                return Optional.of(new Divergence(commands + 1, trace.lineNumbers().get(i), missing.hex(), null));
            }
        }
        return Optional.empty();
    }

    /** Commands the host has sent so far. */
    public synchronized int commandsSeen() {
        return commands;
    }

    /** True while recorded commands remain and nothing has differed: a driver may take its next step. */
    public synchronized boolean hasMore() {
        return divergence == null && entries.subList(cursor, entries.size()).stream().anyMatch(TraceEntry.Command.class::isInstance);
    }

    private byte[] answer() {
        while (cursor < entries.size()) {
            TraceEntry entry = entries.get(cursor++);
            if (entry instanceof TraceEntry.Response response) {
                return response.toBytes();
            }
            if (entry instanceof TraceEntry.Event event) {
                switch (event.kind()) {
                    case DELAY -> pause.accept(event.delayMillis());
                    case CARD_REMOVED -> fault = new CardFault.LeftReader();
                    case READER_GONE -> fault = new CardFault.ReaderGone();
                    case PCSC_ERROR -> fault = new CardFault.PcscError(event.detail());
                    case MALFORMED_RESPONSE -> {
                        return NO_PRECISE_DIAGNOSIS.clone();
                    }
                }
                if (fault != null) {
                    return NO_PRECISE_DIAGNOSIS.clone();
                }
            }
        }
        // A parsed trace always answers its commands; a hand-built one might not. A card never throws.
        return NO_PRECISE_DIAGNOSIS.clone();
    }

    private void skipComments() {
        while (cursor < entries.size() && entries.get(cursor) instanceof TraceEntry.Comment) {
            cursor++;
        }
    }

    private int endLine() {
        List<Integer> lines = trace.lineNumbers();
        return lines.isEmpty() ? trace.lines().size() : lines.get(lines.size() - 1) + 1;
    }
}
