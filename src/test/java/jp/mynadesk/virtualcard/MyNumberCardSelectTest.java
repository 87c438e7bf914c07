package jp.mynadesk.virtualcard;

import static jp.mynadesk.virtualcard.CardSession.SELECT_JPKI;
import static jp.mynadesk.virtualcard.CardSession.SELECT_SURFACE;
import static jp.mynadesk.virtualcard.CardSession.SELECT_TEXT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jp.mynadesk.card.Jpki;
import org.junit.jupiter.api.Test;

/** SELECT forms of docs/CARD.md §3.1, ATR of §1.2, and class/instruction checks of §3.7. */
class MyNumberCardSelectTest {
    private final CardSession s = CardSession.of("default");

    @Test
    void atrIsTheOpenScContactAtr() {
        assertArrayEquals(CardSession.hex("3BE000FF8131FE4514"), s.card.atr());
    }

    @Test
    void selectsTheThreeApsByAid() {
        assertEquals(0x9000, s.send(SELECT_JPKI));
        assertEquals(2, s.lastLength());
        assertEquals(0x9000, s.send(SELECT_TEXT));
        assertEquals(0x9000, s.send(SELECT_SURFACE));
    }

    @Test
    void fciRequestAnswers9000WithoutFci() {
        assertEquals(0x9000, s.send("00A404000AD392F000260100000001"));
        assertEquals(2, s.lastLength());
        assertEquals(0x9000, s.send("00A404000AD392F00026010000000100")); // with Le
        assertEquals(2, s.lastLength());
    }

    @Test
    void unknownAidIsNotFound() {
        assertEquals(0x6A82, s.send("00A4040C0AD392F000260100000002"));
        assertEquals(0x6A82, s.send("00A4040C05D392F00026")); // no partial-name match
    }

    @Test
    void selectByAidNeedsData() {
        assertEquals(0x6700, s.send("00A4040C"));
    }

    @Test
    void selectByFidWorksUnderAnApInBothP2Forms() {
        s.send(SELECT_JPKI);
        assertEquals(0x9000, s.selectEf(Jpki.EF_TOKEN));
        assertEquals(0x9000, s.send("00A4020002000A"));
        assertEquals(0x9000, s.send("00B0000002"));
        assertArrayEquals(CardSession.hex("3082"), s.data());
    }

    @Test
    void selectByFidWithoutApIsNotFound() {
        assertEquals(0x6A82, s.selectEf(Jpki.EF_TOKEN));
    }

    @Test
    void unknownFidAndMfAreNotFoundAndKeepTheCurrentEf() {
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_TOKEN);
        assertEquals(0x6A82, s.selectEf(0x0003));
        assertEquals(0x6A82, s.selectEf(0x3F00));
        assertEquals(0x9000, s.send("00B0000004"));
        assertArrayEquals(CardSession.ascii("JPKI"), s.data());
    }

    @Test
    void selectByFidNeedsTwoBytes() {
        s.send(SELECT_JPKI);
        assertEquals(0x6700, s.send("00A4020C0100"));
        assertEquals(0x6700, s.send("00A4020C03000A00"));
    }

    @Test
    void selectMfAnswers6A86AfterResetAnd9000WithoutChangeUnderAnAp() {
        assertEquals(0x6A86, s.send("00A40000"));
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_TOKEN);
        assertEquals(0x9000, s.send("00A40000"));
        assertEquals(0x9000, s.send("00B0000004"));
        assertArrayEquals(CardSession.ascii("JPKI"), s.data());
        s.card.reset();
        assertEquals(0x6A86, s.send("00A40000"));
    }

    @Test
    void surfaceApHasNoModelledFiles() {
        s.send(SELECT_SURFACE);
        assertEquals(0x6A82, s.selectEf(0x0001));
        assertEquals(0x6A82, s.selectEf(0x0003));
    }

    @Test
    void badP1OrP2Answer6A86() {
        assertEquals(0x6A86, s.send("00A4010C0AD392F000260100000001"));
        assertEquals(0x6A86, s.send("00A4080C0AD392F000260100000001"));
        assertEquals(0x6A86, s.send("00A404040AD392F000260100000001"));
    }

    @Test
    void secureMessagingClassIsRefused() {
        assertEquals(0x6882, s.send("0CA4040C0AD392F000260100000001"));
        s.send(SELECT_JPKI);
        s.selectEf(Jpki.EF_TOKEN);
        assertEquals(0x69FC, s.send("0CB0000004"));
        assertEquals(0x69FC, s.send("08B0000004"));
        s.selectEf(Jpki.EF_AUTH_PIN);
        assertEquals(0x69FC, s.send("0C20008004 31323334"));
        assertEquals(0x69FC, s.send("0C24018004 35363738"));
    }

    @Test
    void unknownClassAndInstruction() {
        assertEquals(0x6E00, s.send("10A4040C0AD392F000260100000001"));
        assertEquals(0x6E00, s.send("01A4040C0AD392F000260100000001")); // logical channel 1
        assertEquals(0x6E00, s.send("FFCA000000"));
        assertEquals(0x6D00, s.send("00C0000000"));
        assertEquals(0x6D00, s.send("80A4040C0AD392F000260100000001"));
    }

    @Test
    void malformedApdusAnswer6700() {
        assertEquals(0x6700, s.send(new byte[0]));
        assertEquals(0x6700, s.send(CardSession.hex("00A404")));
        assertEquals(0x6700, s.send("00A4040C0AD392F0002601")); // Lc says 10, 6 follow
        assertEquals(0x6700, s.send((byte[]) null));
    }
}
