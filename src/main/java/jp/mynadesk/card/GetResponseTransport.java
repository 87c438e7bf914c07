package jp.mynadesk.card;

import java.io.ByteArrayOutputStream;

/**
 * Completes responses the stack left unfinished: {@code 61xx} (more data: GET RESPONSE with the command's
 * CLA, as SunPCSC does) and {@code 6Cxx} (wrong Le: resend with Le = xx). SunPCSC normally does this
 * itself; this decorator covers stacks and settings where it does not (t0GetResponse=false, raw transports).
 */
public final class GetResponseTransport implements CardTransport {
    /** The same cap as SunPCSC: a card that keeps answering 61xx must not loop us forever. */
    static final int MAX_ROUNDS = 256;

    private final CardTransport next;

    public GetResponseTransport(CardTransport next) {
        this.next = next;
    }

    @Override
    public ResponseApdu transmit(byte[] command) {
        ResponseApdu response = next.transmit(command);
        if ((response.sw() & 0xFF00) == 0x6C00 && command.length >= 5) {
            byte[] again = command.clone();
            again[again.length - 1] = (byte) response.sw();
            response = next.transmit(again);
        }
        if ((response.sw() & 0xFF00) != 0x6100) {
            return response;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int round = 0; round < MAX_ROUNDS && (response.sw() & 0xFF00) == 0x6100; round++) {
            data.writeBytes(response.data());
            byte[] getResponse = {command[0], (byte) Jpki.INS_GET_RESPONSE, 0, 0, (byte) response.sw()};
            response = next.transmit(getResponse);
        }
        data.writeBytes(response.data());
        return new ResponseApdu(data.toByteArray(), response.sw());
    }
}
