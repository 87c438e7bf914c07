package jp.mynadesk.virtualcard.reader;

import java.util.Objects;

/**
 * A PC/SC return code as an exception, playing the part of SunPCSC's {@code PCSCException}.
 *
 * <p>The message is exactly the {@code SCARD_*} name, because error classifiers (ours and apdu4j's) find the
 * cause of a {@link javax.smartcardio.CardException} by scanning the cause chain for {@code SCARD_\w+}: with this
 * class as the cause they classify virtual failures exactly as real ones.
 */
public final class PcscStatus extends Exception {

    /** The PC/SC return codes the virtual reader produces (or a test may inject through a {@link ResponseTamperer}). */
    public enum Code {
        SCARD_E_NO_SMARTCARD,
        SCARD_E_NO_READERS_AVAILABLE,
        SCARD_E_UNKNOWN_READER,
        SCARD_E_SERVICE_STOPPED,
        SCARD_E_NO_ACCESS,
        SCARD_W_UNPOWERED_CARD,
        SCARD_W_UNRESPONSIVE_CARD,
        SCARD_W_UNSUPPORTED_CARD,
        SCARD_E_CARD_UNSUPPORTED,
        SCARD_W_REMOVED_CARD,
        SCARD_W_RESET_CARD,
        SCARD_E_SHARING_VIOLATION,
        SCARD_E_READER_UNAVAILABLE,
        SCARD_E_PROTO_MISMATCH,
        SCARD_E_INSUFFICIENT_BUFFER,
        SCARD_E_UNSUPPORTED_FEATURE,
        SCARD_E_NOT_TRANSACTED,
        SCARD_E_COMM_DATA_LOST,
        SCARD_E_TIMEOUT,
        SCARD_E_NO_SERVICE,
        SCARD_F_COMM_ERROR
    }

    private final Code code;

    public PcscStatus(Code code) {
        super(Objects.requireNonNull(code, "code").name());
        this.code = code;
    }

    /**
     * The code of that name; a name this reader does not know becomes {@code SCARD_F_COMM_ERROR}, which every
     * classifier already treats as an unspecific failure.
     */
    public static Code code(String scardName) {
        for (Code c : Code.values()) {
            if (c.name().equals(scardName)) {
                return c;
            }
        }
        return Code.SCARD_F_COMM_ERROR;
    }

    public Code code() {
        return code;
    }
}
