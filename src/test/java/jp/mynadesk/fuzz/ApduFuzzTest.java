package jp.mynadesk.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.HolderCertificates;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.ProfileException;

/**
 * The virtual card's APDU handler: any sequence of commands gets answers ending in a status word, and the
 * last-resort 6F00 (an exception inside the card) never appears.
 */
class ApduFuzzTest {
    private static final CardProfile PROFILE;
    private static final HolderCertificates CERTIFICATES;

    static {
        try {
            PROFILE = CardProfiles.resolve("default");
        } catch (ProfileException e) {
            throw new ExceptionInInitializerError(e);
        }
        CERTIFICATES = new CardIssuer(TestCa.standard()).issue(PROFILE.toHolderSpec()); // issued once: keys are slow
    }

    @FuzzTest(maxDuration = "10s")
    void anyCommandsGetAStatusWord(FuzzedDataProvider data) {
        MyNumberCard card = new MyNumberCard(PROFILE, CERTIFICATES, MyNumberCard.Options.DEFAULT); // fresh PIN counters
        for (int i = 0; i < 8 && data.remainingBytes() > 0; i++) {
            byte[] command = data.consumeBytes(data.consumeInt(0, 300));
            byte[] answer = card.process(command);
            if (answer == null || answer.length < 2) {
                throw new AssertionError("no status word");
            }
            if ((answer[answer.length - 2] & 0xFF) == 0x6F) {
                throw new AssertionError("6F00: the card threw on a command");
            }
        }
    }
}
