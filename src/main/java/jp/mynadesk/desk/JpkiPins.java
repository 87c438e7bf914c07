package jp.mynadesk.desk;

/**
 * The 利用者証明用 PIN is exactly 4 digits. Anything else is refused at the desk before it reaches the card, because
 * the card counts a malformed VERIFY as a wrong try (firmware-notes/pin-format.md).
 */
final class JpkiPins {
    private JpkiPins() {}

    static boolean wellFormed(char[] pin) {
        if (pin == null || pin.length != 4) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
