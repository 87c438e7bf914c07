package jp.mynadesk.card;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import jp.mynadesk.reader.PcscProblem;

/**
 * Completes responses the stack left unfinished: {@code 61xx} (more data: GET RESPONSE with the command's CLA, as
 * SunPCSC does) and {@code 6Cxx} (wrong Le: resend with Le = xx). SunPCSC normally does this itself; this decorator
 * covers stacks and settings where it does not (t0GetResponse=false, raw transports), and what real cards and readers
 * do beyond it (docs/CARD.md §7):
 * <ul>
 *   <li>{@code 6Cxx} to a command without Le (case 1 or 3) appends Le = xx instead of overwriting the last data byte
 *       (SunPCSC's patch of the last byte breaks those cases); an extended-length command is left alone.</li>
 *   <li>A GET RESPONSE answered {@code 6Cxx} is asked again with Le = xx.</li>
 *   <li>A GET RESPONSE the card refuses for its class ({@code 6E00} / {@code 6D00}) after a proprietary command
 *       (CLA 80) is asked again with CLA 00, the interindustry class.</li>
 *   <li>A GET RESPONSE the reader cannot carry ({@code 6700}, or a failed exchange other than the card leaving) is
 *       asked again for less: 0xFF, 0xE0, 0x80 bytes (the card then answers the rest with another {@code 61xx}), as
 *       OpenSC caps GET RESPONSE at the reader's largest answer.</li>
 * </ul>
 */
public final class GetResponseTransport implements CardTransport {
    /** The same cap as SunPCSC: a card that keeps answering 61xx must not loop us forever. */
    static final int MAX_ROUNDS = 256;
    /** GET RESPONSE sizes after Le = 00 (256) failed, as {@link JpkiCard#READ_SIZES}. */
    private static final int[] SMALLER = {0xFF, 0xE0, 0x80};
    /** GET RESPONSEs tried for one part (other Le, other class, smaller) before the card's last answer is taken. */
    private static final int MAX_ATTEMPTS = 8;

    private final CardTransport next;

    public GetResponseTransport(CardTransport next) {
        this.next = next;
    }

    @Override
    public ResponseApdu transmit(byte[] command) {
        ResponseApdu response = next.transmit(command);
        if ((response.sw() & 0xFF00) == 0x6C00) {
            byte[] again = withLe(command, response.sw() & 0xFF);
            if (again != null) {
                response = next.transmit(again);
            }
        }
        if ((response.sw() & 0xFF00) != 0x6100) {
            return response;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte cla = command[0];
        int cap = 0; // 0: no cap learnt yet; else the largest GET RESPONSE the reader carried
        for (int round = 0; round < MAX_ROUNDS && (response.sw() & 0xFF00) == 0x6100; round++) {
            data.writeBytes(response.data());
            int available = (response.sw() & 0xFF) == 0 ? 256 : response.sw() & 0xFF;
            int le = cap == 0 ? available : Math.min(available, cap);
            ResponseApdu part = null;
            for (int attempt = 0; part == null; attempt++) {
                ResponseApdu answer;
                try {
                    answer = next.transmit(getResponse(cla, le));
                } catch (CardTransportException e) {
                    int smaller = smaller(le, e.problem());
                    if (smaller == 0) {
                        throw e;
                    }
                    le = cap = smaller;
                    continue;
                }
                int sw = answer.sw();
                if (attempt >= MAX_ATTEMPTS) {
                    part = answer; // a card that keeps changing its mind gets its last answer back
                } else if ((sw & 0xFF00) == 0x6C00 && (sw & 0xFF) != (le & 0xFF)) {
                    le = (sw & 0xFF) == 0 ? 256 : sw & 0xFF;
                } else if ((sw == StatusWord.CLA_NOT_SUPPORTED || sw == StatusWord.INS_NOT_SUPPORTED) && cla != 0) {
                    cla = 0;
                } else if (sw == StatusWord.WRONG_LENGTH && smaller(le, PcscProblem.OTHER) != 0) {
                    le = cap = smaller(le, PcscProblem.OTHER);
                } else {
                    part = answer;
                }
            }
            response = part;
        }
        data.writeBytes(response.data());
        return new ResponseApdu(data.toByteArray(), response.sw());
    }

    private static byte[] getResponse(byte cla, int le) {
        return new byte[] {cla, (byte) Jpki.INS_GET_RESPONSE, 0, 0, (byte) le};
    }

    /** The next smaller GET RESPONSE after one of {@code le} failed so, or 0 when a smaller one cannot help. */
    private static int smaller(int le, PcscProblem problem) {
        if (problem != PcscProblem.OTHER && problem != PcscProblem.TIMEOUT) {
            return 0;
        }
        for (int size : SMALLER) {
            if (size < le) {
                return size;
            }
        }
        return 0;
    }

    /**
     * The command again with Le = {@code le} (0 = 256) in its short form: Le replaced in case 2 and 4, appended in
     * case 1 and 3; null for an extended-length command or one too short to be an APDU.
     */
    static byte[] withLe(byte[] command, int le) {
        int n = command.length;
        if (n == 4) {
            return append(command, le);
        }
        if (n < 5 || (command[4] == 0 && n > 5)) {
            return null; // extended length, or not an APDU
        }
        if (n == 5) {
            byte[] again = command.clone();
            again[4] = (byte) le;
            return again;
        }
        int lc = command[4] & 0xFF;
        if (n == 5 + lc) {
            return append(command, le);
        }
        if (n == 6 + lc) {
            byte[] again = command.clone();
            again[n - 1] = (byte) le;
            return again;
        }
        return null;
    }

    private static byte[] append(byte[] command, int le) {
        byte[] again = Arrays.copyOf(command, command.length + 1);
        again[command.length] = (byte) le;
        return again;
    }
}
