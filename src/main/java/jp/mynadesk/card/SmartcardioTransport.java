package jp.mynadesk.card;

import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import jp.mynadesk.reader.PcscProblem;

/**
 * Carries APDUs over a javax.smartcardio channel: SunPCSC through pcscd, or the in-JVM virtual reader.
 * SunPCSC reports a removed card first as a {@link CardException} and then as an {@link IllegalStateException};
 * both become one classified {@link CardTransportException}.
 */
public final class SmartcardioTransport implements CardTransport {
    private final CardChannel channel;

    public SmartcardioTransport(CardChannel channel) {
        this.channel = channel;
    }

    @Override
    public ResponseApdu transmit(byte[] command) {
        try {
            return ResponseApdu.parse(channel.transmit(new CommandAPDU(command)).getBytes());
        } catch (CardException | IllegalStateException e) {
            throw new CardTransportException(PcscProblem.classify(e), e);
        }
    }
}
