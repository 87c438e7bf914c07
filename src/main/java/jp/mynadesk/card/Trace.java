package jp.mynadesk.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recorded card session: header and body (docs/TRACE.md). What {@link ApduTrace#snapshot()} holds and what
 * {@link ApduTrace#parse} reads back; {@link #text()} is the file.
 *
 * @param lineNumbers the 1-based line of each entry in the text it came from (for messages that point at a line)
 */
public record Trace(TraceHeader header, List<TraceEntry> entries, List<Integer> lineNumbers) {
    /** The first line of every trace. */
    public static final String FORMAT_LINE = "@format mynadesk-trace 1";

    public Trace {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
        lineNumbers = List.copyOf(lineNumbers);
        if (entries.size() != lineNumbers.size()) {
            throw new IllegalArgumentException("one line number per entry");
        }
    }

    /** A trace laid out as {@link #text()} writes it, line numbers counted from that layout. */
    public static Trace of(TraceHeader header, List<TraceEntry> entries) {
        int first = headerLines(header).size() + 1;
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            numbers.add(first + i);
        }
        return new Trace(header, entries, numbers);
    }

    public List<String> lines() {
        List<String> out = headerLines(header);
        entries.forEach(e -> out.add(e.line()));
        return out;
    }

    public String text() {
        return String.join("\n", lines()) + "\n";
    }

    /** The commands, in order. */
    public List<TraceEntry.Command> commands() {
        return entries.stream().filter(TraceEntry.Command.class::isInstance).map(TraceEntry.Command.class::cast).toList();
    }

    private static List<String> headerLines(TraceHeader h) {
        List<String> out = new ArrayList<>();
        out.add(FORMAT_LINE);
        out.add("@program " + h.program());
        add(out, "reader", h.reader());
        add(out, "atr", h.atr());
        add(out, "protocol", h.protocol());
        add(out, "profile", h.cardProfile());
        add(out, "started", h.started() == null ? null : h.started().toString());
        return out;
    }

    private static void add(List<String> out, String key, String value) {
        if (value != null) {
            out.add("@" + key + " " + value);
        }
    }
}
