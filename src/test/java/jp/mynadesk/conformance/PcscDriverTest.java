package jp.mynadesk.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.Signature;
import java.util.function.Predicate;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.card.CardFailure;
import jp.mynadesk.card.CardOutcome;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.testsupport.RequiresPcscd;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.MyNumberCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The unchanged host driver through SunPCSC → pcscd → vpcd → the virtual card: the whole card step works, and
 * a card pulled at any step of it gives a typed outcome, with a clean retry once the card is back.
 */
@RequiresPcscd
class PcscDriverTest {
    private static final String READER = OpenScConformanceTest.READER;
    private static final byte[] CHALLENGE = "challenge through pcscd".getBytes();

    private static SecondSlot slot;
    private static CardProfile profile;

    @BeforeAll
    static void startBridge() throws Exception {
        profile = CardProfiles.resolve("default");
        slot = new SecondSlot();
    }

    @AfterAll
    static void stopBridge() {
        slot.close();
    }

    /** The step of the reception's card check at which the card leaves the reader, by its first command. */
    enum Step {
        SELECT_AP(c -> c.startsWith("00A4040C")),
        READ_TOKEN(c -> c.equals("00B0000020")),
        READ_CERTIFICATE(c -> c.startsWith("00B0") && !c.equals("00B0000020")),
        QUERY_RETRIES(c -> c.equals("00200080")),
        VERIFY(c -> c.startsWith("0020008004")),
        SIGN(c -> c.startsWith("802A"));

        final Predicate<String> firstCommand;

        Step(Predicate<String> firstCommand) {
            this.firstCommand = firstCommand;
        }
    }

    @Test
    void theWholeCardStepThroughPcscd() throws Exception {
        Card card = connect(MyNumberCard.of(profile));
        try {
            CardOutcome<byte[]> signed = cardStep(card);
            var cert = new CardIssuer(TestCa.standard()).issue(profile.toHolderSpec()).authCertificate();
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(cert.getPublicKey());
            s.update(CHALLENGE);
            assertTrue(s.verify(signed.orElseThrow()));
        } finally {
            card.disconnect(false);
        }
    }

    @ParameterizedTest(name = "card pulled at {0}")
    @EnumSource(Step.class)
    void cardPulledAtAnyStepIsTypedAndARetryWorks(Step step) throws Exception {
        MyNumberCard chip = MyNumberCard.of(profile);
        Card card = connect(new PulledAt(chip, step.firstCommand, slot));
        CardOutcome<byte[]> outcome = cardStep(card);
        assertInstanceOf(CardFailure.CardRemoved.class, outcome.failure(), "at " + step + ": " + outcome);

        Card again = connect(chip); // the same card back in the reader
        try {
            assertTrue(cardStep(again).isSuccess(), "clean retry after the card is back");
        } finally {
            again.disconnect(false);
        }
    }

    @Test
    void readerReportsCardPresenceAndAtr() throws Exception {
        connect(MyNumberCard.of(profile)).disconnect(false);
        var info = CardReaders.pcsc().list().stream().filter(r -> r.name().equals(READER)).findFirst().orElseThrow();
        assertTrue(info.cardPresent());
        assertEquals("3BE000FF8131FE4514", info.atr().orElseThrow());
    }

    /** SELECT AP + token, read certificate, retries, VERIFY, sign — the reception's card step. */
    private static CardOutcome<byte[]> cardStep(Card card) throws Exception {
        JpkiCard jpki = new JpkiCard(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(CHALLENGE);
        return jpki.open()
                .then(token -> jpki.readAuthCertificate())
                .then(cert -> jpki.pinTriesLeft())
                .then(tries -> jpki.verifyPin(profile.authPin().toCharArray()))
                .then(ok -> jpki.signSha256(digest));
    }

    /** Puts {@code chip} into the reader (after the previous card is out) and connects through pcscd. */
    private static Card connect(EmulatedCard chip) throws Exception {
        slot.switchCard(chip);
        CardTerminal terminal = CardReaders.pcsc().choose(READER);
        assertTrue(terminal.waitForCardPresent(5000), "pcscd sees the card");
        return terminal.connect("*");
    }

    /** A card that leaves the reader when a given command arrives (the person pulls it mid-exchange). */
    private record PulledAt(EmulatedCard card, Predicate<String> trigger, SecondSlot slot) implements EmulatedCard {
        public byte[] atr() {
            return card.atr();
        }

        public void powerOn() {
            card.powerOn();
        }

        public void powerOff() {
            card.powerOff();
        }

        public void reset() {
            card.reset();
        }

        public byte[] process(byte[] command) {
            if (trigger.test(java.util.HexFormat.of().withUpperCase().formatHex(command))) {
                slot.remove();
            }
            return card.process(command);
        }
    }
}
