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
        CommandAPDU apdu = new CommandAPDU(command);
        try {
            return ResponseApdu.parse(channel.transmit(apdu).getBytes());
        } catch (CardException | IllegalStateException e) {
            throw new CardTransportException(PcscProblem.classify(e), e);
        } catch (IllegalArgumentException e) {
            // SunPCSC throws this when pcscd hands back zero bytes: the card's link dropped in the middle of the
            // exchange. Seen through vpcd when the card is pulled mid-APDU; the next call reports the removal.
            throw new CardTransportException(PcscProblem.CARD_REMOVED, e);
        }
    }
}
