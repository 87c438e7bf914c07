package jp.mynadesk.card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Records a card session as a replayable trace (format: docs/TRACE.md): a header, then one line per command,
 * response and event, each stamped with the time since recording began (from an injected {@link Ticker}).
 *
 * <p>Masking happens here, when a line is recorded, so nothing sensitive ever reaches memory that is later written
 * out: PIN-carrying commands by INS, and response data once the 券面事項入力補助AP is selected. Thread-safe.
 */
public final class ApduTrace {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** An answer slower than this gets a {@code ! DELAY} line, so a replay can reproduce a slow card or reader. */
    static final long DELAY_THRESHOLD_MICROS = 500_000;
    /**
     * The longest {@code ! DELAY} a trace may hold (docs/TRACE.md): one minute, longer than any desk waits for a card.
     * A slower answer is recorded as this, and a replay never sleeps longer than this per command.
     */
    public static final long MAX_DELAY_MILLIS = 60_000;

    private final Ticker ticker;
    private final long origin;
    private final List<TraceEntry> entries = new ArrayList<>();
    private TraceHeader header = TraceHeader.thisProgram();
    /** After the 券面事項入力補助AP is selected, response data may be personal data: mask it. */
    private boolean personalDataSelected;
    private long commandAt;

    /** Timestamps from the JVM's monotonic timer. */
    public ApduTrace() {
        this(Ticker.SYSTEM);
    }

    public ApduTrace(Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.origin = ticker.nanos();
    }

    /** Reads a trace file's text back (the inverse of {@link #text()}). */
    public static Trace parse(String text) throws TraceFormatException {
        return TraceParser.parse(text);
    }

    /** Sets the header (reader, ATR, profile, start time) — at any time; it is written first. */
    public synchronized void header(TraceHeader newHeader) {
        this.header = Objects.requireNonNull(newHeader, "header");
    }

    public synchronized TraceHeader header() {
        return header;
    }

    public synchronized void comment(String text) {
        entries.add(new TraceEntry.Comment(text));
    }

    public synchronized void command(byte[] apdu) {
        if (apdu.length >= 4 && (apdu[1] & 0xFF) == Jpki.INS_SELECT && (apdu[2] & 0xFF) == 0x04) {
            personalDataSelected = apdu.length >= 5 + Jpki.AID_TEXT.length
                    && Arrays.equals(apdu, 5, 5 + Jpki.AID_TEXT.length, Jpki.AID_TEXT, 0, Jpki.AID_TEXT.length);
        }
        commandAt = now();
        entries.add(new TraceEntry.Command(commandAt, masked(apdu)));
    }

    public synchronized void response(ResponseApdu response) {
        long at = now();
        if (at - commandAt >= DELAY_THRESHOLD_MICROS) {
            entries.add(new TraceEntry.Event(at, TraceEntry.Kind.DELAY, Math.min((at - commandAt) / 1000, MAX_DELAY_MILLIS) + "ms"));
        }
        String data = personalDataSelected ? "**".repeat(response.length()) : HEX.formatHex(response.data());
        entries.add(new TraceEntry.Response(at, data, response.sw()));
    }

    public synchronized void event(TraceEntry.Kind kind, String detail) {
        entries.add(new TraceEntry.Event(now(), kind, detail));
    }

    /** The trace so far. */
    public synchronized Trace snapshot() {
        return Trace.of(header, entries);
    }

    public List<String> lines() {
        return snapshot().lines();
    }

    public String text() {
        return snapshot().text();
    }

    private long now() {
        return Math.max(0, (ticker.nanos() - origin) / 1000);
    }

    /**
     * VERIFY, CHANGE REFERENCE DATA and RESET RETRY COUNTER carry PINs: keep CLA INS P1 P2 Lc, mask the
     * data. Decided by INS here, whatever the caller marked, so a forgotten flag cannot leak a PIN.
     */
    public static String masked(byte[] apdu) {
        if (apdu.length > 5 && isPinCommand(apdu[1] & 0xFF)) {
            return HEX.formatHex(apdu, 0, 5) + "**".repeat(apdu.length - 5);
        }
        return HEX.formatHex(apdu);
    }

    static boolean isPinCommand(int ins) {
        return ins == Jpki.INS_VERIFY || ins == Jpki.INS_CHANGE_REFERENCE_DATA || ins == Jpki.INS_RESET_RETRY_COUNTER;
    }
}
