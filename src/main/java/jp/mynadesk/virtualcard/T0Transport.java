package jp.mynadesk.virtualcard;

import java.util.Arrays;

/**
 * The card side of T=0 in front of a card model that answers like a T=1 card (data and status word at once).
 *
 * <p>T=0 cannot carry response data together with a case 3/4 command, so a real T=0 card answers
 * {@code 61 xx} and releases the data through GET RESPONSE; a case 2 command with the wrong Le gets
 * {@code 6C xx}. Modelling that here lets the host's automatic handling (and, with it switched off, the host-side
 * GET RESPONSE decorators) be tested against the procedure bytes a T=0 card really produces.
 *
 * <p>Rules: a response without data passes through; a case 2 command (5 bytes) whose Le equals the data length
 * (Le 00 = 256) gets the data directly, otherwise {@code 6C len}; any other command, or data longer than 256
 * bytes, gets {@code 61 xx} (xx = remaining length, 00 for 256 or more) and the data is kept for
 * {@code ?? C0 00 00 Le} (any CLA). GET RESPONSE asking for more than is left gets {@code 6C left}; asking for
 * less returns that much followed by {@code 61 rest}. Any other command discards kept data. A response the model
 * already ends with 61xx/6Cxx passes through. Not thread-safe: the owner (a reader slot, a reader profile, a card that
 * talks T=0, docs/CARD.md §8.3) serialises calls.
 */
public final class T0Transport {

    private static final int SHORT_MAX = 256;
    private static final byte INS_GET_RESPONSE = (byte) 0xC0;

    private byte[] pending;
    private int offset;
    private byte finalSw1;
    private byte finalSw2;

    public byte[] exchange(EmulatedCard card, byte[] command) {
        if (pending != null && isGetResponse(command)) {
            return release(le(command[4]));
        }
        pending = null;
        byte[] response = card.process(command);
        int dataLength = response.length - 2;
        if (dataLength <= 0 || isProcedure(response[response.length - 2])) {
            return response;
        }
        if (command.length == 5 && dataLength <= SHORT_MAX) {
            return le(command[4]) == dataLength ? response : status(0x6C, dataLength);
        }
        pending = Arrays.copyOf(response, dataLength);
        offset = 0;
        finalSw1 = response[dataLength];
        finalSw2 = response[dataLength + 1];
        return status(0x61, dataLength);
    }

    /** Forgets kept data: the card was removed, reset or powered off. */
    public void clear() {
        pending = null;
    }

    private byte[] release(int le) {
        int left = pending.length - offset;
        if (le > Math.min(left, SHORT_MAX)) {
            return status(0x6C, left);
        }
        byte[] out = Arrays.copyOfRange(pending, offset, offset + le + 2);
        offset += le;
        int rest = pending.length - offset;
        if (rest == 0) {
            out[le] = finalSw1;
            out[le + 1] = finalSw2;
            pending = null;
        } else {
            out[le] = 0x61;
            out[le + 1] = lengthByte(rest);
        }
        return out;
    }

    private static boolean isGetResponse(byte[] command) {
        return command.length == 5 && command[1] == INS_GET_RESPONSE && command[2] == 0 && command[3] == 0;
    }

    private static boolean isProcedure(byte sw1) {
        return sw1 == 0x61 || sw1 == 0x6C;
    }

    private static int le(byte b) {
        return b == 0 ? SHORT_MAX : b & 0xFF;
    }

    private static byte lengthByte(int length) {
        return length >= SHORT_MAX ? 0 : (byte) length;
    }

    private static byte[] status(int sw1, int length) {
        return new byte[] {(byte) sw1, lengthByte(length)};
    }
}
