package jp.mynadesk.virtualcard.vpcd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.card.CardFailure;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.testsupport.PcscdCheck;
import jp.mynadesk.testsupport.RequiresPcscd;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reader profile as {@code card serve --reader-profile} presents it: SunPCSC → pcscd → vpcd → the profile. */
@RequiresPcscd
class ReaderProfilesPcscTest {

    static Stream<ReaderProfile> profiles() {
        return ReaderProfiles.list().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theHostDriverPassesThroughPcscdWithEveryProfile(ReaderProfile profile) throws Exception {
        // vpcd cannot carry a PC/SC error: an answer over the reader's cap would reach pcscd as the card leaving, so a
        // reader whose answers cannot hold 256 bytes is tested in the in-JVM reader only (ReaderProfilesTest)
        org.junit.jupiter.api.Assumptions.assumeTrue(profile.maxResponse() == 0 || profile.maxResponse() >= 256,
                profile.name() + ": capped below 256 bytes, in-JVM only");
        try (Served served = new Served(profile.overVpcd(MyNumberCard.of(CardProfiles.resolve("default"))))) {
            Card card = served.terminal.connect("*");
            if (profile.atr() != null) {
                assertArrayEquals(profile.atrBytes(), card.getATR().getBytes(), "pcscd shows the reader's ATR");
            }
            JpkiCard host = new JpkiCard(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())));
            assertTrue(host.open().isSuccess());
            assertTrue(host.readAuthCertificate().isSuccess());
            assertTrue(host.pinTriesLeft().isSuccess());
            assertTrue(host.verifyPin(CardProfiles.resolve("default").authPin().toCharArray()).isSuccess());
            assertTrue(host.signSha256(new byte[32]).isSuccess());
            card.disconnect(false);
        }
    }

    @Test
    void aReaderThatDropsTheCardLosesItThroughPcscdToo() throws Exception {
        ReaderProfile quick = new ReaderProfile("quick-drop", "drops after 1 s", "smartphone-reader.md",
                "Quick 00 00", null, false, true, 0, 0, 1);
        AtomicLong nanos = new AtomicLong();   // the profile's timer, moved by the test instead of waited for
        try (Served served = new Served(quick.overVpcd(MyNumberCard.of(CardProfiles.resolve("default")), nanos::get,
                millis -> { }))) {
            Card card = served.terminal.connect("*");
            JpkiCard host = new JpkiCard(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())));
            assertTrue(host.open().isSuccess());
            nanos.addAndGet(Duration.ofMillis(999).toNanos());
            assertTrue(host.pinTriesLeft().isSuccess(), "still in the reader just before its 1 s");
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            assertInstanceOf(CardFailure.CardRemoved.class, host.readAuthCertificate().failure());
            assertTrue(served.terminal.waitForCardAbsent(5000), "pcscd sees the slot empty");
        }
    }

    /** One card in vpcd slot 0 for the duration of a test, the slot left empty afterwards. */
    private static final class Served implements AutoCloseable {
        final CardTerminal terminal;
        final VpcdBridge bridge;

        Served(EmulatedCard card) throws Exception {
            terminal = PcscdCheck.terminal();
            assertFalse(terminal.isCardPresent(), "slot already occupied: another emulator holds vpcd port " + VpcdAddress.DEFAULT_PORT);
            bridge = new VpcdBridge(VpcdAddress.DEFAULT).start();
            bridge.insert(card);
            assertTrue(terminal.waitForCardPresent(5000), "pcscd never saw the bridged card");
        }

        @Override
        public void close() throws Exception {
            bridge.close();
            assertTrue(terminal.waitForCardAbsent(5000));
        }
    }
}
