package jp.mynadesk.virtualcard.reader;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * The basic channel of a {@link VirtualCard}, with the host-side rules of SunPCSC's {@code ChannelImpl}: MANAGE
 * CHANNEL is refused, the basic channel cannot be closed, a {@code ByteBuffer} response needs 258 bytes of room,
 * the channel bits of an interindustry CLA are cleared, T=0 refuses extended length and drops Le from case 4, and
 * 61xx / 6Cxx are answered automatically (GET RESPONSE with the command's CLA; resend with the last byte set to
 * SW2) for at most 256 rounds unless {@link TerminalOptions#hostGetResponse()} is off.
 */
final class VirtualChannel extends CardChannel {

    private static final int MAX_ROUNDS = 256;
    private static final int MIN_RESPONSE_ROOM = 258;
    private static final byte INS_MANAGE_CHANNEL = 0x70;

    private final VirtualCard card;
    private final boolean hostGetResponse;

    VirtualChannel(VirtualCard card, boolean hostGetResponse) {
        this.card = card;
        this.hostGetResponse = hostGetResponse;
    }

    @Override
    public Card getCard() {
        return card;
    }

    @Override
    public int getChannelNumber() {
        card.checkState();
        return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        card.checkState();
        card.checkExclusive();
        return new ResponseAPDU(exchange(command.getBytes()));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        card.checkState();
        card.checkExclusive();
        if (command == null || response == null) {
            throw new NullPointerException();
        }
        if (response.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (command == response) {
            throw new IllegalArgumentException("command and response must not be the same object");
        }
        if (response.remaining() < MIN_RESPONSE_ROOM) {
            throw new IllegalArgumentException("Insufficient space in response buffer");
        }
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        byte[] result = exchange(bytes);
        response.put(result);
        return result.length;
    }

    @Override
    public void close() throws CardException {
        getChannelNumber();
        throw new IllegalStateException("Cannot close basic logical channel");
    }

    /** Works on {@code command} in place; callers pass a private copy. */
    private byte[] exchange(byte[] command) throws CardException {
        rejectManageChannel(command);
        clearChannelBits(command);
        boolean t0 = card.protocol() == Protocol.T0;
        int n = command.length;
        if (t0 && n >= 7 && command[4] == 0) {
            throw new CardException("Extended length forms not supported for T=0");
        }
        if (t0 && n >= 7 && n == (command[4] & 0xFF) + 6) {
            n--; // T=0 carries no Le on a case 4 command: the card answers 61xx instead
        }
        try {
            byte[] result = new byte[0];
            for (int round = 1; round <= MAX_ROUNDS; round++) {
                byte[] response = card.exchange(Arrays.copyOf(command, n));
                int rn = response.length;
                if (hostGetResponse && rn >= 2) {
                    if (rn == 2 && response[0] == 0x6C) {
                        command[n - 1] = response[1];
                        continue;
                    }
                    if (response[rn - 2] == 0x61) {
                        result = concat(result, response, rn - 2);
                        command = new byte[] {command[0], (byte) 0xC0, 0, 0, response[rn - 1]};
                        n = 5;
                        continue;
                    }
                }
                return concat(result, response, rn);
            }
            throw new CardException("Could not obtain response");
        } catch (PcscStatus e) {
            card.handleError(e);
            throw new CardException(e);
        }
    }

    private static void rejectManageChannel(byte[] command) {
        if (command.length < 4) {
            throw new IllegalArgumentException("Command APDU must be at least 4 bytes long");
        }
        if (command[0] >= 0 && command[1] == INS_MANAGE_CHANNEL) {
            throw new IllegalArgumentException("Manage channel command not allowed, use openLogicalChannel()");
        }
    }

    /** ISO 7816-4 tables 2/3: the basic channel is channel 0; proprietary and reserved classes are left alone. */
    private static void clearChannelBits(byte[] command) {
        int cla = command[0];
        if (cla < 0 || (cla & 0xE0) == 0x20) {
            return;
        }
        command[0] = (byte) (cla & 0xBC);
    }

    private static byte[] concat(byte[] head, byte[] tail, int tailLength) {
        byte[] out = Arrays.copyOf(head, head.length + tailLength);
        System.arraycopy(tail, 0, out, head.length, tailLength);
        return out;
    }
}
