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

    public Code code() {
        return code;
    }
}
