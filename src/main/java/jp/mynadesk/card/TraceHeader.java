package jp.mynadesk.card;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The header of a trace (docs/TRACE.md): what recorded it and on which reader and card. Everything but the
 * program may be unknown ({@code null}); {@code cardProfile} is set only for a virtual card.
 *
 * @param program     program and version, e.g. {@code mynadesk 0.1.0}
 * @param reader      the PC/SC reader name
 * @param atr         the card's ATR, upper-case hex
 * @param protocol    {@code T=0} or {@code T=1}
 * @param cardProfile the virtual card's profile name
 * @param started     when recording began (from the caller's injected clock)
 */
public record TraceHeader(String program, String reader, String atr, String protocol, String cardProfile,
                          OffsetDateTime started) {

    public TraceHeader {
        Objects.requireNonNull(program, "program");
        for (String value : new String[] {program, reader, atr, protocol, cardProfile}) {
            if (value != null && (value.isBlank() || value.contains("\n") || value.contains("\r"))) {
                throw new IllegalArgumentException("trace header values are one non-blank line");
            }
        }
        if (atr != null && !atr.matches("([0-9A-F]{2})+")) {
            throw new IllegalArgumentException("ATR must be upper-case hex, got " + atr);
        }
    }

    /** This program ({@code mynadesk} and the jar's version, or {@code dev}), nothing else known yet. */
    public static TraceHeader thisProgram() {
        String version = TraceHeader.class.getPackage().getImplementationVersion();
        return new TraceHeader("mynadesk " + (version == null ? "dev" : version), null, null, null, null, null);
    }

    public TraceHeader withReader(String readerName, byte[] atrBytes, String activeProtocol) {
        return new TraceHeader(program, readerName, atrBytes == null ? null
                : HexFormat.of().withUpperCase().formatHex(atrBytes), activeProtocol, cardProfile, started);
    }

    public TraceHeader withCardProfile(String profile) {
        return new TraceHeader(program, reader, atr, protocol, profile, started);
    }

    public TraceHeader withStarted(OffsetDateTime start) {
        return new TraceHeader(program, reader, atr, protocol, cardProfile, start);
    }
}
