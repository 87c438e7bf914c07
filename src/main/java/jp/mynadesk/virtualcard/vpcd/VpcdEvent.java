package jp.mynadesk.virtualcard.vpcd;

import java.util.HexFormat;

/**
 * What happened between the vpcd reader driver (inside pcscd) and the card a {@link VpcdBridge} presents.
 * Delivered on the bridge's own thread, in order; listeners must return quickly.
 */
public sealed interface VpcdEvent {

    /** vpcd spoke on a fresh connection: pcscd now sees a card in the slot. */
    record Connected(String host, int port) implements VpcdEvent {
    }

    /**
     * Nothing accepted the connection (vpcd/pcscd not running, wrong address); the bridge keeps retrying. Sent on
     * the first failure of a streak and then every {@code VpcdBridge.REPORT_EVERY} attempts, so it shows without
     * flooding.
     */
    record ConnectFailed(String host, int port, String reason, int attempt) implements VpcdEvent {
    }

    /**
     * The connection ended; pcscd sees the slot empty until the bridge connects again.
     *
     * @param detail the socket's own words when the connection was lost, else null
     */
    record Disconnected(Cause cause, String detail) implements VpcdEvent {
        public enum Cause {
            /** The card was taken out here ({@code remove}, a profile switch, the bridge closing). */
            CARD_REMOVED,
            /** vpcd ended the connection (pcscd stopped or restarted). */
            VPCD_CLOSED,
            /** The socket failed. */
            CONNECTION_LOST
        }
    }

    /** pcscd applied power (vpcd control byte {@code 01}). */
    record PoweredOn() implements VpcdEvent {
    }

    /** pcscd removed power ({@code 00}), or the card lost contact while powered. */
    record PoweredOff() implements VpcdEvent {
    }

    /** pcscd warm-reset the card ({@code 02}), e.g. {@code Card.disconnect(true)}. */
    record Reset() implements VpcdEvent {
    }

    /** One command APDU and the card's response (the arrays are the bridge's own; do not modify them). */
    record Apdu(byte[] command, byte[] response) implements VpcdEvent {
        @Override
        public String toString() {
            HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
            return "Apdu[" + hex.formatHex(command) + " -> " + hex.formatHex(response) + "]";
        }
    }
}
