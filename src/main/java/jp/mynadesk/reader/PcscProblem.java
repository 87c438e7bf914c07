package jp.mynadesk.reader;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong in the PC/SC layer, classified by the {@code SCARD_*} name found anywhere in an
 * exception's cause chain (SunPCSC's PCSCException messages are exactly these names, and so are our
 * in-JVM reader's). A code only: what staff read for each kind, and what to do next, is in the desk's catalogue
 * (desk/StaffText), the same words the desk uses for the same event.
 */
public enum PcscProblem {
    SERVICE_DOWN,
    NO_READERS,
    READER_GONE,
    CARD_REMOVED,
    CARD_RESET,
    SHARING_VIOLATION,
    TIMEOUT,
    UNKNOWN_CARD,
    OTHER;

    private static final Pattern SCARD = Pattern.compile("SCARD_[A-Z]_[A-Z_]+");

    /** The first SCARD_* name in the cause chain, if any. */
    public static Optional<String> scardCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = SCARD.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /** Classify a PC/SC failure by the first SCARD_* name in its cause chain, or by the JDK's state messages. */
    public static PcscProblem classify(Throwable failure) {
        Optional<String> code = scardCode(failure);
        if (code.isPresent()) {
            return fromCode(code.get());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage());
            if (t instanceof javax.smartcardio.CardNotPresentException || text.contains("Card has been removed")) {
                return CARD_REMOVED;
            }
            if (text.contains("Card has been reset")) {
                return CARD_RESET;
            }
            if (text.contains("No terminals available") || text.contains("no terminals")) {
                return NO_READERS;
            }
            if (text.contains("Exclusive access established by another Thread")) {
                return SHARING_VIOLATION;
            }
        }
        return OTHER;
    }

    /** The kind for one PC/SC return-code name (e.g. {@code SCARD_W_REMOVED_CARD}). */
    public static PcscProblem fromCode(String code) {
        return switch (code) {
            case "SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED", "SCARD_E_NO_ACCESS" -> SERVICE_DOWN;
            case "SCARD_E_NO_READERS_AVAILABLE" -> NO_READERS;
            case "SCARD_E_READER_UNAVAILABLE", "SCARD_E_UNKNOWN_READER" -> READER_GONE;
            // pcscd answers NOT_TRANSACTED to a transmit that finds the card's link dead before its next
            // presence poll reports the removal (seen with vpcd: firmware-notes/pcscd-vpcd.md).
            case "SCARD_W_REMOVED_CARD", "SCARD_E_NO_SMARTCARD", "SCARD_E_NOT_TRANSACTED" -> CARD_REMOVED;
            case "SCARD_W_RESET_CARD", "SCARD_W_UNPOWERED_CARD" -> CARD_RESET;
            case "SCARD_E_SHARING_VIOLATION" -> SHARING_VIOLATION;
            case "SCARD_E_TIMEOUT" -> TIMEOUT;
            case "SCARD_W_UNRESPONSIVE_CARD", "SCARD_W_UNSUPPORTED_CARD", "SCARD_E_CARD_UNSUPPORTED",
                    "SCARD_E_PROTO_MISMATCH" -> UNKNOWN_CARD;
            default -> OTHER;
        };
    }
}
