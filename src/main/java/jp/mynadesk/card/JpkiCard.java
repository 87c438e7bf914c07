package jp.mynadesk.card;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.Arrays;

/**
 * Host driver for the JPKI application of a My Number card: what a reception terminal needs and nothing
 * more. It selects only the JPKI AP and its public EFs, the auth PIN and the auth key; it never selects
 * the 券面事項入力補助AP, so the 12-digit My Number cannot be read through it.
 *
 * <p>Every method returns a {@link CardOutcome}: status words and PC/SC failures become typed failures.
 * The driver knows nothing of the reader behind the transport, so the same code runs against the in-JVM
 * virtual reader and a real reader through pcscd.
 */
public final class JpkiCard {
    /** Largest short-form read: Le = 00. Mainstream tools read in such chunks (docs/CARD.md §1.3). */
    static final int SHORT_READ = 256;
    /** Extended reads are bounded by the 15-bit offset space anyway. */
    static final int EXTENDED_READ = 0x7FFF;
    /**
     * The READ BINARY sizes tried, largest first, when a reader cannot carry a full short answer (docs/CARD.md §7):
     * 256 (Le = 00), then 0xFF, 0xE0 and 0x80 — stepping down on {@code 6700}, an uncorrected {@code 6Cxx}, or a
     * failed exchange that was not the card leaving.
     */
    static final int[] READ_SIZES = {SHORT_READ, 0xFF, 0xE0, 0x80};

    private final CardTransport transport;
    /** Extended reads asked for and not yet refused by the reader (the driver falls back to short reads once). */
    private boolean extendedReads;
    /** Where on {@link #READ_SIZES} this card and reader stand: a size that worked is kept for the session. */
    private int rung;

    /** A driver that reads in short APDUs (≤ 256 bytes), which every reader and card handle. */
    public JpkiCard(CardTransport transport) {
        this(transport, false);
    }

    /** @param extendedReads read the rest of the certificate in one extended-length READ BINARY */
    public JpkiCard(CardTransport transport, boolean extendedReads) {
        this.transport = transport;
        this.extendedReads = extendedReads;
    }

    /** SELECT the JPKI AP and read the token label: is this a My Number card (or a phone token)? */
    public CardOutcome<TokenKind> open() {
        return run(() -> {
            ResponseApdu selected = send("select JPKI AP", selectAid(Jpki.AID_JPKI));
            if (!selected.isOk()) {
                throw new Stop(new CardFailure.NotJpkiCard("JPKI AP not selectable (SW " + StatusWord.hex(selected.sw()) + ")"));
            }
            selectEf("select token", Jpki.EF_TOKEN);
            byte[] token = readChunk("read token", 0, 32);
            String label = new String(token, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
            return TokenKind.fromLabel(label).orElseThrow(() -> new Stop(new CardFailure.NotJpkiCard(
                    label.equals(Jpki.TOKEN_JUKI) ? "住基カード (JPKIAPICCTOKEN)" : "unknown token label")));
        });
    }

    /**
     * Reads EF 000A, sized from its DER header: one read of up to 256 bytes, then the rest in 256-byte
     * chunks (or one extended read). Never assumes one READ BINARY returns the whole certificate. A reader that
     * cannot carry those sizes gets smaller ones ({@link #READ_SIZES}); one that refuses extended length, short ones.
     */
    public CardOutcome<AuthCertificate> readAuthCertificate() {
        return run(() -> {
            selectEf("select auth certificate", Jpki.EF_AUTH_CERT);
            byte[] head = readChunk("read certificate", 0, SHORT_READ);
            int total = derLength(head);
            byte[] der = Arrays.copyOf(head, Math.max(total, head.length));
            int have = head.length;
            while (have < total) {
                byte[] chunk = readChunk("read certificate", have, total - have);
                if (chunk.length == 0) {
                    throw malformed("read certificate", "card returned no data at offset " + have + " of " + total);
                }
                System.arraycopy(chunk, 0, der, have, Math.min(chunk.length, total - have));
                have += chunk.length;
            }
            try {
                return AuthCertificate.parse(Arrays.copyOf(der, total));
            } catch (CertificateException e) {
                throw malformed("parse certificate", "EF 000A does not hold an X.509 certificate: " + e.getMessage());
            }
        });
    }

    /**
     * Tries left on the auth PIN, asked with an empty VERIFY (never consumes a try). A blocked PIN or a card
     * without PIN is a failure, so callers cannot mistake it for a count.
     */
    public CardOutcome<Integer> pinTriesLeft() {
        return run(() -> {
            selectEf("select auth PIN", Jpki.EF_AUTH_PIN);
            ResponseApdu r = send("query PIN tries", new byte[] {0x00, (byte) Jpki.INS_VERIFY, 0x00, (byte) 0x80});
            if (StatusWord.isCounter(r.sw())) {
                int left = StatusWord.triesLeft(r.sw());
                if (left == 0) {
                    throw new Stop(new CardFailure.PinBlocked());
                }
                return left;
            }
            if (r.isOk()) {
                // Some cards answer 9000 once the PIN is verified in this session; the success reset the counter.
                return Jpki.AUTH_PIN_MAX_TRIES;
            }
            throw new Stop(pinFailure("query PIN tries", r.sw()));
        });
    }

    /**
     * VERIFY the 4-digit auth PIN. The PIN bytes live only in this call and are wiped before it returns;
     * the caller wipes its own {@code char[]}.
     *
     * @throws IllegalArgumentException if {@code pin} is not 4 digits (checked before anything is sent,
     *                                  so a typo never costs a try: the real card is assumed to count a
     *                                  wrongly shaped PIN as a wrong one, firmware-notes/pin-format.md)
     */
    public CardOutcome<Void> verifyPin(char[] pin) {
        if (pin.length != 4 || !allDigits(pin)) {
            throw new IllegalArgumentException("the auth PIN is 4 digits");
        }
        byte[] command = new byte[5 + pin.length];
        command[1] = (byte) Jpki.INS_VERIFY;
        command[3] = (byte) 0x80;
        command[4] = (byte) pin.length;
        for (int i = 0; i < pin.length; i++) {
            command[5 + i] = (byte) pin[i];
        }
        try {
            return run(() -> {
                selectEf("select auth PIN", Jpki.EF_AUTH_PIN);
                ResponseApdu r = send("verify PIN", command);
                if (r.isOk()) {
                    return null;
                }
                throw new Stop(pinFailure("verify PIN", r.sw()));
            });
        } finally {
            Arrays.fill(command, (byte) 0);
        }
    }

    /**
     * Signs a SHA-256 digest with the auth key (COMPUTE DIGITAL SIGNATURE over DigestInfo; the card adds the
     * PKCS#1 v1.5 padding), giving a standard SHA256withRSA signature. The PIN must be verified first.
     */
    public CardOutcome<byte[]> signSha256(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("SHA-256 digest is 32 bytes, got " + digest.length);
        }
        return run(() -> {
            selectEf("select auth key", Jpki.EF_AUTH_KEY);
            byte[] digestInfo = concat(Jpki.DIGEST_INFO_SHA256, digest);
            byte[] command = new byte[5 + digestInfo.length + 1];
            command[0] = (byte) 0x80;
            command[1] = (byte) Jpki.INS_COMPUTE_SIGNATURE;
            command[3] = (byte) 0x80;
            command[4] = (byte) digestInfo.length;
            System.arraycopy(digestInfo, 0, command, 5, digestInfo.length);
            ResponseApdu r = send("sign", command);
            if (!r.isOk()) {
                throw new Stop(new CardFailure.UnexpectedStatus("sign", r.sw()));
            }
            if (r.length() != 256) {
                throw malformed("sign", "RSA-2048 signature must be 256 bytes, got " + r.length());
            }
            return r.data();
        });
    }

    // --- APDU building -------------------------------------------------------------------------

    static byte[] selectAid(byte[] aid) {
        byte[] c = new byte[5 + aid.length];
        c[1] = (byte) Jpki.INS_SELECT;
        c[2] = 0x04;
        c[3] = 0x0C;
        c[4] = (byte) aid.length;
        System.arraycopy(aid, 0, c, 5, aid.length);
        return c;
    }

    static byte[] selectEf(int fid) {
        return new byte[] {0x00, (byte) Jpki.INS_SELECT, 0x02, 0x0C, 0x02, (byte) (fid >> 8), (byte) fid};
    }

    static byte[] readBinary(int offset, int length, boolean extended) {
        byte p1 = (byte) ((offset >> 8) & 0x7F);
        byte p2 = (byte) offset;
        if (extended && length > SHORT_READ) {
            return new byte[] {0x00, (byte) Jpki.INS_READ_BINARY, p1, p2, 0x00, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {0x00, (byte) Jpki.INS_READ_BINARY, p1, p2, (byte) (length == SHORT_READ ? 0 : length)};
    }

    /** Total DER size (header + content) of the SEQUENCE at the start of {@code head}. */
    static int derLength(byte[] head) throws Stop {
        if (head.length < 2 || (head[0] & 0xFF) != 0x30) {
            throw malformed("read certificate", "EF 000A does not start with a DER SEQUENCE");
        }
        int first = head[1] & 0xFF;
        if (first < 0x80) {
            return 2 + first;
        }
        int octets = first & 0x7F;
        if (octets == 0 || octets > 2 || head.length < 2 + octets) {
            throw malformed("read certificate", "unsupported DER length form 0x" + Integer.toHexString(first));
        }
        int length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (head[2 + i] & 0xFF);
        }
        return 2 + octets + length;
    }

    /** The largest short READ BINARY that has worked with this card and reader (256 until a smaller one was needed). */
    int readSize() {
        return READ_SIZES[rung];
    }

    /**
     * One READ BINARY of up to {@code want} bytes at {@code offset}, as large as the reader carries: extended when
     * asked for and allowed, else the current rung of {@link #READ_SIZES}. A {@code 6Cxx} is answered once with
     * Le = xx; {@code 6700}, a {@code 6Cxx} that did not help, or a failed exchange other than the card or reader
     * leaving moves down a rung (and stays there). The card may return fewer bytes than asked (the end of the file).
     */
    private byte[] readChunk(String step, int offset, int want) throws Stop {
        while (true) {
            boolean extended = extendedReads && want > SHORT_READ;
            int size = extended ? Math.min(want, EXTENDED_READ) : Math.min(want, READ_SIZES[rung]);
            Stop refused;
            try {
                ResponseApdu r = send(step, readBinary(offset, size, extended));
                if (!extended && (r.sw() & 0xFF00) == 0x6C00) {
                    int exact = (r.sw() & 0xFF) == 0 ? SHORT_READ : r.sw() & 0xFF;
                    if (exact < size) {
                        r = send(step, readBinary(offset, exact, false)); // the card said how much it has
                    }
                }
                if (r.isOk()) {
                    return r.data();
                }
                throw new Stop(new CardFailure.UnexpectedStatus(step, r.sw()));
            } catch (Stop stop) {
                if (!smallerMayHelp(stop.failure)) {
                    throw stop;
                }
                refused = stop;
            }
            if (extended) {
                extendedReads = false; // the reader (or the stack, T=0) does not carry extended length: short reads
            } else if (rung + 1 < READ_SIZES.length && Math.min(want, READ_SIZES[rung + 1]) < size) {
                rung++;
            } else {
                throw refused;
            }
        }
    }

    /** Failures a smaller READ BINARY may avoid: a length the reader or card refused, or a failed exchange. */
    private static boolean smallerMayHelp(CardFailure failure) {
        if (failure instanceof CardFailure.UnexpectedStatus u) {
            return u.sw() == StatusWord.WRONG_LENGTH || (u.sw() & 0xFF00) == 0x6C00;
        }
        if (failure instanceof CardFailure.ReaderProblem r) {
            return r.kind() == jp.mynadesk.reader.PcscProblem.OTHER || r.kind() == jp.mynadesk.reader.PcscProblem.TIMEOUT;
        }
        return failure instanceof CardFailure.MalformedResponse;
    }

    // --- plumbing ------------------------------------------------------------------------------

    private void selectEf(String step, int fid) throws Stop {
        expectOk(step, selectEf(fid));
    }

    private ResponseApdu expectOk(String step, byte[] command) throws Stop {
        ResponseApdu r = send(step, command);
        if (!r.isOk()) {
            throw new Stop(new CardFailure.UnexpectedStatus(step, r.sw()));
        }
        return r;
    }

    private ResponseApdu send(String step, byte[] command) throws Stop {
        try {
            return transport.transmit(command);
        } catch (CardTransportException e) {
            throw new Stop(e.problem() == jp.mynadesk.reader.PcscProblem.CARD_REMOVED
                    ? new CardFailure.CardRemoved()
                    : new CardFailure.ReaderProblem(e.problem()));
        } catch (MalformedResponseException e) {
            throw malformed(step, e.getMessage());
        }
    }

    private static CardFailure pinFailure(String step, int sw) {
        if (StatusWord.isCounter(sw)) {
            int left = StatusWord.triesLeft(sw);
            return left == 0 ? new CardFailure.PinBlocked() : new CardFailure.WrongPin(left);
        }
        return switch (sw) {
            case StatusWord.PIN_BLOCKED -> new CardFailure.PinBlocked();
            case StatusWord.REFERENCE_DATA_NOT_FOUND -> new CardFailure.PinNotSet();
            default -> new CardFailure.UnexpectedStatus(step, sw);
        };
    }

    private static Stop malformed(String step, String detail) {
        return new Stop(new CardFailure.MalformedResponse(step, detail));
    }

    private static boolean allDigits(char[] pin) {
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Stop;
    }

    private static <T> CardOutcome<T> run(Step<T> step) {
        try {
            return CardOutcome.success(step.run());
        } catch (Stop stop) {
            return CardOutcome.failed(stop.failure);
        }
    }

    /** Ends a step early with its failure; never escapes this class. */
    private static final class Stop extends Exception {
        private final transient CardFailure failure;

        Stop(CardFailure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
