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
            trace.event(e.problem().name(), PcscProblem.scardCode(e).orElse(""));
            throw e;
        } catch (MalformedResponseException e) {
            trace.event("MALFORMED_RESPONSE", e.getMessage());
            throw e;
        }
    }
}
