package jp.mynadesk.card;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A replayable record of a card session, in a line format that can also express failures
 * (architecture.md, "trace format that can express failures"):
 *
 * <pre>
 * > 00A4040C0AD392F000260100000001     command
 * < 9000                               response (data then SW)
 * > 0020008004********                 VERIFY: header and Lc kept, PIN bytes masked
 * ! CARD_REMOVED SCARD_W_REMOVED_CARD  event: what failed instead of an answer
 * # free comment                        never parsed for meaning
 * </pre>
 *
 * Masking happens here, when a line is recorded, so nothing sensitive ever reaches memory that is
 * later written out. Thread-safe.
 */
public final class ApduTrace {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final List<String> lines = new ArrayList<>();
    /** After the 券面事項入力補助AP is selected, response data may be personal data: mask it. */
    private boolean personalDataSelected;

    public synchronized void comment(String text) {
        lines.add("# " + text.replace('\n', ' '));
    }

    public synchronized void command(byte[] apdu) {
        if (apdu.length >= 4 && (apdu[1] & 0xFF) == Jpki.INS_SELECT && (apdu[2] & 0xFF) == 0x04) {
            personalDataSelected = apdu.length >= 5 + Jpki.AID_TEXT.length
                    && java.util.Arrays.equals(apdu, 5, 5 + Jpki.AID_TEXT.length, Jpki.AID_TEXT, 0, Jpki.AID_TEXT.length);
        }
        lines.add("> " + masked(apdu));
    }

    public synchronized void response(ResponseApdu response) {
        String data = personalDataSelected ? "**".repeat(response.length()) : HEX.formatHex(response.data());
        lines.add("< " + data + StatusWord.hex(response.sw()));
    }

    public synchronized void event(String kind, String detail) {
        lines.add("! " + kind + (detail == null || detail.isBlank() ? "" : " " + detail));
    }

    public synchronized List<String> lines() {
        return Collections.unmodifiableList(new ArrayList<>(lines));
    }

    public synchronized String text() {
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }

    /**
     * VERIFY, CHANGE REFERENCE DATA and RESET RETRY COUNTER carry PINs: keep CLA INS P1 P2 Lc, mask the
     * data. Decided by INS here, whatever the caller marked, so a forgotten flag cannot leak a PIN.
     */
    static String masked(byte[] apdu) {
        if (apdu.length > 5 && isPinCommand(apdu[1] & 0xFF)) {
            return HEX.formatHex(apdu, 0, 5) + "**".repeat(apdu.length - 5);
        }
        return HEX.formatHex(apdu);
    }

    private static boolean isPinCommand(int ins) {
        return ins == Jpki.INS_VERIFY || ins == Jpki.INS_CHANGE_REFERENCE_DATA || ins == Jpki.INS_RESET_RETRY_COUNTER;
    }
}
