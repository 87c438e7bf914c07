package jp.mynadesk.card;

import jp.mynadesk.reader.PcscProblem;

/** Records every command, response and transport failure into an {@link ApduTrace} (masked there). */
public final class TracingTransport implements CardTransport {
    private final CardTransport next;
    private final ApduTrace trace;

    public TracingTransport(CardTransport next, ApduTrace trace) {
        this.next = next;
        this.trace = trace;
    }

    @Override
    public ResponseApdu transmit(byte[] command) {
        trace.command(command);
        try {
            ResponseApdu response = next.transmit(command);
            trace.response(response);
            return response;
        } catch (CardTransportException e) {
            String code = PcscProblem.scardCode(e).orElse(null);
            switch (e.problem()) {
                case CARD_REMOVED -> trace.event(TraceEntry.Kind.CARD_REMOVED, code);
                case READER_GONE -> trace.event(TraceEntry.Kind.READER_GONE, code);
                default -> trace.event(TraceEntry.Kind.PCSC_ERROR, code != null ? code : representative(e.problem()));
            }
            throw e;
        } catch (MalformedResponseException e) {
            trace.event(TraceEntry.Kind.MALFORMED_RESPONSE, e.getMessage());
            throw e;
        }
    }

    /**
     * A failure classified without a {@code SCARD_*} name (the JDK's own state messages) still gets one, so a replay
     * can raise an error the host classifies the same way.
     */
    static String representative(PcscProblem problem) {
        return switch (problem) {
            case SERVICE_DOWN -> "SCARD_E_NO_SERVICE";
            case NO_READERS -> "SCARD_E_NO_READERS_AVAILABLE";
            case READER_GONE -> "SCARD_E_READER_UNAVAILABLE";
            case CARD_REMOVED -> "SCARD_W_REMOVED_CARD";
            case CARD_RESET -> "SCARD_W_RESET_CARD";
            case SHARING_VIOLATION -> "SCARD_E_SHARING_VIOLATION";
            case TIMEOUT -> "SCARD_E_TIMEOUT";
            case UNKNOWN_CARD -> "SCARD_E_PROTO_MISMATCH";
            case OTHER -> "SCARD_F_COMM_ERROR";
        };
    }
}
