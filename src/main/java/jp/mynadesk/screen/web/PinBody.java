package jp.mynadesk.screen.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import jp.mynadesk.format.JsonText;

/**
 * The PIN as the patient page sends it, {@code {"pin":"1234"}}, read straight from the request into a char array:
 * no String of it is made here, and the raw bytes are wiped after parsing. A body that is not that shape gives an
 * empty PIN, which the workflow refuses as malformed without sending it to the card. Full-width digits (１２３４, typed
 * with the IME on) are converted to the digits they are.
 */
final class PinBody {
    private static final int MAX = 64;

    private PinBody() {}

    static char[] read(InputStream in) throws IOException {
        byte[] raw = new byte[MAX];
        int n = 0;
        try {
            int r;
            while (n < MAX && (r = in.read(raw, n, MAX - n)) > 0) {
                n += r;
            }
            if (n == MAX && in.read() != -1) {
                return new char[0];
            }
            try (JsonParser p = JsonText.FACTORY.createParser(raw, 0, n)) {
                if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                        || !"pin".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
                    return new char[0];
                }
                char[] buf = p.getTextCharacters();
                int from = p.getTextOffset();
                int len = p.getTextLength();
                char[] pin = Arrays.copyOfRange(buf, from, from + len);
                Arrays.fill(buf, from, from + len, '\0');
                return jp.mynadesk.desk.PinInput.halfWidth(pin); // full-width digits (an IME left on) are digits
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return new char[0];
            }
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
