package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.card.AuthCertificate;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.oqs.MutableClock;
import jp.mynadesk.oqs.NoService;
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.testsupport.OpensslCa;
import jp.mynadesk.testsupport.PcscdCheck;
import jp.mynadesk.testsupport.RequiresPcscd;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.vpcd.VpcdAddress;
import jp.mynadesk.virtualcard.vpcd.VpcdBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clinic mode's card through the real PC/SC stack (SunPCSC → pcscd → vpcd → the card): the card shapes of real cards
 * (docs/CARD.md §8.3), and a card of a CA made with openssl proving itself to a desk without a service whose only
 * trust anchor is that CA (docs/DESK.md "The card's proof"). Run under {@code flock /tmp/pcsc.lock}.
 */
@RequiresPcscd
class ClinicCardPcscTest {
    static final String AS_OF = "2026-12-01T09:30:00";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"card-2016", "t0-card"})
    void realCardShapesPassThroughPcscd(String name) throws Exception {
        CardProfile profile = CardProfiles.resolve(name);
        try (Served served = new Served(MyNumberCard.of(profile))) {
            Card card = served.terminal.connect("*");
            assertArrayEquals(profile.atrBytes(), card.getATR().getBytes(), "pcscd shows the card's own ATR");
            JpkiCard host = new JpkiCard(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())));
            assertTrue(host.open().isSuccess());
            AuthCertificate certificate = host.readAuthCertificate().orElseThrow();
            assertEquals(3, host.pinTriesLeft().orElseThrow());
            assertTrue(host.verifyPin(profile.authPin().toCharArray()).isSuccess());
            byte[] challenge = "challenge".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] signature = host.signSha256(java.security.MessageDigest.getInstance("SHA-256").digest(challenge)).orElseThrow();
            assertTrue(CertificateValidator.verifies(certificate.certificate(), challenge, signature));
            card.disconnect(false);
        }
    }

    @Test
    void aCardOfAnOpensslCaProvesItselfToADeskWithoutAServiceWhoseOnlyAnchorIsThatCa(@TempDir Path dir) throws Exception {
        Path ca = OpensslCa.make(dir, "/C=JP/O=Clinic QA/OU=JPKI-like authentication CA for tests");
        CardProfile profile = CardProfiles.resolve(OpensslCa.profile(dir, "jlis-like").toString());
        try (Served served = new Served(MyNumberCard.of(profile));
             InMemoryVisitStore store = new InMemoryVisitStore()) {
            MutableClock clock = MutableClock.jst(AS_OF);
            CardReaders pcsc = CardReaders.pcsc();
            TrustAnchors own = TrustAnchors.fromPem(ca);
            ReceptionCheck check = new ReceptionCheck(new DeskContext(clock, pcsc, PcscdCheck.READER, new NoService(Instant.EPOCH),
                    store, own, "1311111111", "DESK-01", null, null, false), new Random(1));
            assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class,
                    check.handle(new DeskEvent.PinEntered("1234".toCharArray())));
            assertEquals(ReasonCode.SERVICE_OFFLINE, docs.reason().code());
            PresentedDocument oshirase = PresentedDocument.builder(DocumentKind.SHIKAKU_JOHO_OSHIRASE).insurerNumber("01130012")
                    .symbol("12345678").number("1").branch("00").name("試験 花子").birthDate("1990-04-01").build();
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.DocumentsPresented(List.of(oshirase), false, null))).visit();
            assertEquals(Outcome.PROVISIONAL, v.outcome());
            assertEquals(Route.DOCUMENT_OFFLINE, v.route());
            assertEquals(new CardProof(CardProof.Verified.PIN, CardProof.Certificate.VALID, CardProof.Revocation.UNKNOWN,
                    own.certificates().get(0).getSubjectX500Principal().getName()), v.card());

            ReceptionCheck simulatorsRoot = new ReceptionCheck(new DeskContext(clock, pcsc, PcscdCheck.READER,
                    new NoService(Instant.EPOCH), store, TrustAnchors.testCa(), "1311111111", "DESK-01", null, null, false));
            Prompt.AwaitingDocuments untrusted = assertInstanceOf(Prompt.AwaitingDocuments.class,
                    simulatorsRoot.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertEquals(ReasonCode.CERTIFICATE_UNTRUSTED, untrusted.reason().code());
            simulatorsRoot.handle(new DeskEvent.Decline());
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
