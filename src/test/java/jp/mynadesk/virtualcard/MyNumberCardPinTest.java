package jp.mynadesk.virtualcard;

import static jp.mynadesk.virtualcard.CardSession.DIGEST_INFO_SHA256;
import static jp.mynadesk.virtualcard.CardSession.SELECT_JPKI;
import static jp.mynadesk.virtualcard.CardSession.SELECT_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jp.mynadesk.card.Jpki;
import org.junit.jupiter.api.Test;

/** VERIFY (docs/CARD.md §3.3), CHANGE REFERENCE DATA (§3.4) and the security state of §3.8. */
class MyNumberCardPinTest {
    private static final String QUERY = "00200080";
    private static final String SIGN_WITH_CURRENT_KEY = "802A008033" + DIGEST_INFO_SHA256 + "00".repeat(32) + "00";

    private final CardSession s = CardSession.of("default");

    private void selectAuthPin(CardSession c) {
        c.send(SELECT_JPKI);
        c.selectEf(Jpki.EF_AUTH_PIN);
    }

    private int signWithAuthKey(CardSession c) {
        c.selectEf(Jpki.EF_AUTH_KEY);
        return c.send(SIGN_WITH_CURRENT_KEY);
    }

    @Test
    void wrongPinsCountDownToBlockedThen6984() {
        selectAuthPin(s);
        assertEquals(0x63C3, s.send(QUERY));
        assertEquals(0x63C2, s.verifyCurrent("0000"));
        assertEquals(0x63C1, s.verifyCurrent("0000"));
        assertEquals(0x63C0, s.verifyCurrent("0000"));
        assertEquals(0x6984, s.verifyCurrent("0000"));
        assertEquals(0x6984, s.verifyCurrent("1234")); // even the right PIN
        assertEquals(0x63C0, s.send(QUERY));
    }

    @Test
    void queryNeverConsumesATry() {
        selectAuthPin(s);
        for (int i = 0; i < 10; i++) {
            assertEquals(0x63C3, s.send(QUERY));
        }
        s.verifyCurrent("9999");
        for (int i = 0; i < 10; i++) {
            assertEquals(0x63C2, s.send(QUERY));
        }
        assertEquals(0x63C2, s.send("0020008000")); // case 2 form is a query too
    }

    @Test
    void successResetsTheCounterAndTheQueryStillAnswers63Cx() {
        selectAuthPin(s);
        assertEquals(0x63C2, s.verifyCurrent("4321"));
        assertEquals(0x63C1, s.verifyCurrent("4321"));
        assertEquals(0x9000, s.verifyCurrent("1234"));
        assertEquals(0x63C3, s.send(QUERY));
    }

    @Test
    void verifyBySfiNeedsNoSelect() {
        s.send(SELECT_JPKI);
        assertEquals(0x63C3, s.send("00200098"));
        assertEquals(0x9000, s.verifySfi(0x18, "1234"));
        assertEquals(0x9000, signWithAuthKey(s));
    }

    @Test
    void verifyNeedsAPinReference() {
        assertEquals(0x6986, s.send(QUERY)); // nothing selected
        assertEquals(0x6A82, s.send("00200098")); // no AP
        s.send(SELECT_JPKI);
        assertEquals(0x6986, s.send(QUERY));
        s.selectEf(Jpki.EF_TOKEN);
        assertEquals(0x6A88, s.verifyCurrent("1234"));
        assertEquals(0x6A88, s.send("00200097")); // the key EF is not a PIN
        assertEquals(0x6A82, s.send("00200099"));
        assertEquals(0x6A86, s.send("00200000"));
        assertEquals(0x6A86, s.send("002001800431323334"));
    }

    @Test
    void malformedPinDataCostsNoTry() {
        selectAuthPin(s);
        assertEquals(0x6700, s.verifyCurrent("123"));
        assertEquals(0x6700, s.verifyCurrent("12345678901234567"));
        assertEquals(0x6A80, s.send("0020008004 31320033"));
        assertEquals(0x6A80, s.send("0020008004 3132FF34"));
        assertEquals(0x63C3, s.send(QUERY));
    }

    @Test
    void wellFormedButWrongValuesCostATry() {
        selectAuthPin(s);
        assertEquals(0x63C2, s.verifyCurrent("12345")); // right prefix, wrong length for a 4-digit PIN
        assertEquals(0x63C1, s.verifyCurrent("12A4"));
    }

    @Test
    void oneTryLeftAndBlockedProfiles() {
        CardSession one = CardSession.of("one-try-left");
        selectAuthPin(one);
        assertEquals(0x63C1, one.send(QUERY));
        assertEquals(0x63C0, one.verifyCurrent("0000"));
        assertEquals(0x6984, one.verifyCurrent("1234"));

        CardSession blocked = CardSession.of("blocked");
        selectAuthPin(blocked);
        assertEquals(0x63C0, blocked.send(QUERY));
        assertEquals(0x6984, blocked.verifyCurrent("1234"));
        assertEquals(0x6982, signWithAuthKey(blocked));
    }

    @Test
    void signaturePasswordHasFiveTries() {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_SIGN_PIN);
        assertEquals(0x63C5, s.send(QUERY));
        assertEquals(0x63C4, s.verifyCurrent("abc123")); // lower case costs a try (§7 pitfall 9)
        assertEquals(0x9000, s.verifyCurrent("ABC123"));
        assertEquals(0x63C5, s.send(QUERY));
    }

    @Test
    void countersSurvivePowerCycles() {
        selectAuthPin(s);
        s.verifyCurrent("0000");
        s.card.powerOff();
        s.card.powerOn();
        selectAuthPin(s);
        assertEquals(0x63C2, s.send(QUERY));
    }

    @Test
    void powerOffClearsTheVerifiedState() {
        selectAuthPin(s);
        s.verifyCurrent("1234");
        assertEquals(0x9000, signWithAuthKey(s));
        s.card.powerOff();
        s.card.powerOn();
        s.send(SELECT_JPKI);
        assertEquals(0x6982, signWithAuthKey(s));
    }

    @Test
    void warmResetKeepsTheVerifiedStateButClearsSelection() {
        selectAuthPin(s);
        s.verifyCurrent("1234");
        s.card.reset();
        assertEquals(0x6986, s.send(SIGN_WITH_CURRENT_KEY));
        s.send(SELECT_JPKI);
        assertEquals(0x9000, signWithAuthKey(s));
    }

    @Test
    void reselectKeepsTheVerifiedStateByDefault() {
        selectAuthPin(s);
        s.verifyCurrent("1234");
        s.send(SELECT_TEXT);
        s.send(SELECT_JPKI);
        assertEquals(0x9000, signWithAuthKey(s));
    }

    @Test
    void clearOnReselectForgetsTheApsVerifiedPins() {
        CardSession c = CardSession.of("default", new MyNumberCard.Options(true));
        selectAuthPin(c);
        c.verifyCurrent("1234");
        assertEquals(0x9000, signWithAuthKey(c));
        c.send(SELECT_JPKI);
        assertEquals(0x6982, signWithAuthKey(c));
    }

    @Test
    void clearOnReselectAppliesToTheTextApToo() {
        CardSession c = CardSession.of("default", new MyNumberCard.Options(true));
        c.send(SELECT_TEXT);
        c.verifySfi(0x11, "1234");
        selectAuthPin(c);
        c.send(SELECT_TEXT); // re-select the text AP: its own state goes
        assertEquals(0x6982, c.send("00B0820001"));
    }

    @Test
    void verifiedStateIsPerAp() {
        selectAuthPin(s);
        s.verifyCurrent("1234");
        s.send(SELECT_TEXT);
        assertEquals(0x6982, s.send("00B0820001"));
    }

    @Test
    void wrongAttemptClearsAnEarlierVerification() {
        selectAuthPin(s);
        s.verifyCurrent("1234");
        assertEquals(0x63C2, s.verifyCurrent("0000"));
        assertEquals(0x6982, signWithAuthKey(s));
    }

    @Test
    void changePinNeedsTheOldOneVerified() {
        selectAuthPin(s);
        assertEquals(0x6982, s.send("0024018004 35363738"));
        assertEquals(0x9000, s.verifyCurrent("1234"));
        assertEquals(0x9000, s.send("0024018004 35363738"));
        s.card.powerOff();
        s.card.powerOn();
        selectAuthPin(s);
        assertEquals(0x63C2, s.verifyCurrent("1234"));
        assertEquals(0x9000, s.verifyCurrent("5678"));
        assertEquals(0x63C3, s.send(QUERY));
    }

    @Test
    void changePinValidatesTheNewValue() {
        selectAuthPin(s);
        s.verifyCurrent("1234");
        assertEquals(0x6A80, s.send("0024018004 31324134"));
        assertEquals(0x6A80, s.send("0024018003 313233"));
        assertEquals(0x6A80, s.send("0024018005 3132333435"));
        assertEquals(0x6700, s.send("00240180"));
        assertEquals(0x6A86, s.send("0024008004 35363738"));
        assertEquals(0x6A86, s.send("0024010004 35363738"));
        s.send(SELECT_JPKI);
        s.verifySfi(0x1B, "ABC123");
        s.selectEf(Jpki.EF_SIGN_PIN);
        assertEquals(0x6A80, s.send(CardSession.apdu(0, 0x24, 1, 0x80, CardSession.ascii("lower123"))));
        assertEquals(0x9000, s.send(CardSession.apdu(0, 0x24, 1, 0x80, CardSession.ascii("NEWPASS2026"))));
        assertEquals(0x63C4, s.verifyCurrent("ABC123"));
        assertEquals(0x9000, s.verifyCurrent("NEWPASS2026"));
    }

    /**
     * A 顔認証 card: its PINs were never set. The retry query answers as on a plain card (OpenSC refuses the whole card
     * otherwise); VERIFY with a PIN and CHANGE answer 6A88, and nothing behind the PINs can be reached (docs/CARD.md §2.6).
     */
    @Test
    void faceOnlyCardHasNoReferenceData() {
        CardSession face = CardSession.of("face-only");
        selectAuthPin(face);
        assertEquals(0x63C3, face.send(QUERY));
        assertEquals(0x6A88, face.verifyCurrent("1234"));
        assertEquals(0x63C3, face.send(QUERY), "a refused VERIFY costs no try");
        assertEquals(0x6A88, face.send("0024018004 35363738"));
        assertEquals(0x6982, signWithAuthKey(face));
        assertEquals(0x9000, face.selectEf(Jpki.EF_SIGN_PIN));
        assertEquals(0x63C5, face.send(QUERY));
        assertEquals(0x6A88, face.verifyCurrent("ABC123"));
        assertEquals(0x9000, face.selectEf(Jpki.EF_SIGN_CERT));
        assertEquals(0x6982, face.send("00B0000004"));
        assertEquals(0x9000, face.selectEf(Jpki.EF_SIGN_KEY));
        assertEquals(0x6982, face.send(SIGN_WITH_CURRENT_KEY));
        assertEquals(0x9000, face.send("00B08A0004")); // the auth certificate is still there and free
        face.send(SELECT_TEXT);
        assertEquals(0x63C3, face.send("00200091"));
        assertEquals(0x6A88, face.send("0020009104 31323334"));
        assertEquals(0x6982, face.send("00B0820001"));
    }

    /**
     * A card issued under 15 has no 署名用電子証明書, yet its EFs are there as on every card (the certificate can be
     * issued onto it later): SELECT 001B succeeds and the retry query answers 63C5 (docs/CARD.md §2.6). Before, SELECT
     * answered 6A82 and a VERIFY sent after it hit no current EF (6986).
     */
    @Test
    void childCardHasTheSignatureEfsWithAnUnsetPassword() {
        CardSession child = CardSession.of("child");
        child.send(SELECT_JPKI);
        assertEquals(0x9000, child.selectEf(Jpki.EF_SIGN_PIN));
        assertEquals(0x63C5, child.send(QUERY));
        assertEquals(0x6A88, child.verifyCurrent("ABC123"));
        assertEquals(0x63C5, child.send(QUERY));
        assertEquals(0x63C5, child.send("0020009B"));
        assertEquals(0x9000, child.selectEf(Jpki.EF_SIGN_CERT));
        assertEquals(0x6982, child.send("00B0000004"));
        assertEquals(0x6982, child.send(CardSession.apdu(0x80, 0x2A, 0x00, 0x9A,
                CardSession.hex(DIGEST_INFO_SHA256 + "00".repeat(32)), 0x00)));
        // the auth side is a plain card's
        child.selectEf(Jpki.EF_AUTH_PIN);
        assertEquals(0x63C3, child.send(QUERY));
        assertEquals(0x9000, child.verifyCurrent("1234"));
        assertEquals(0x9000, signWithAuthKey(child));
    }
}
