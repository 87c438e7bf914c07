package jp.mynadesk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.ProfileException;

/** Card profile JSON: any text is a profile or a ProfileException, and the message never repeats a PIN. */
class CardProfileJsonFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyTextIsAProfileOrAProfileError(byte[] bytes) {
        // raw bytes, so the seed files next to this class are plain text files
        String json = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        try {
            CardProfiles.parse(json, "fuzz");
        } catch (ProfileException e) {
            if (e.getMessage() == null) {
                throw new AssertionError("a profile error without a message", e);
            }
        }
    }
}
