package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.oqs.NoService;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.pki.TestCa;
import java.nio.file.Path;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.testsupport.OpensslCa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card proves itself without the service (docs/DESK.md "The card's proof"): no service configured, or an outage.
 * The certificate is validated locally, the PIN verified, the card signs the desk's own challenge, and the documents
 * decide; the visit records how the card was proven.
 */
class OfflineCardProofTest {
    static final String AS_OF = ReceptionCheckTest.AS_OF;
    static final String TEST_CA = TestCa.standard().authRoot().certificate().getSubjectX500Principal().getName();

    /** The お知らせ of the default card's holder (it is valid only with the card). */
    static PresentedDocument oshirase() {
        return PresentedDocument.builder(DocumentKind.SHIKAKU_JOHO_OSHIRASE).insurerNumber("01130012")
                .insurerName("全国健康保険協会東京支部").symbol("12345678").number("1").branch("00")
                .name("協会 太郎").birthDate("1989-05-10").build();
    }

    /** A challenge source that remembers what it gave. */
    static final class Recorded extends Random {
        final List<byte[]> given = new ArrayList<>();

        Recorded(long seed) {
            super(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            super.nextBytes(bytes);
            given.add(bytes.clone());
        }
    }

    private static DeskEvent documents(PresentedDocument... docs) {
        return new DeskEvent.DocumentsPresented(List.of(docs), false, null);
    }

    @Test
    void withNoServiceTheCardIsVerifiedAndSignsTheDesksChallengeAndTheOshiraseDecides() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            List<CheckStep> steps = new ArrayList<>();
            f.listener = steps::add;
            Recorded random = new Recorded(7);
            ReceptionCheck check = new ReceptionCheck(f.context(new NoService(Instant.EPOCH)), random);
            Prompt.AwaitingPin atPin = assertInstanceOf(Prompt.AwaitingPin.class,
                    check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)), "no service: the check goes on to the PIN");
            assertEquals(3, atPin.triesLeft());
            Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(ReceptionCheckTest.pin("1234")));
            assertEquals(ReasonCode.SERVICE_OFFLINE, docs.reason().code());
            assertFalse(docs.serviceAvailable());
            assertEquals(List.of(CheckStep.SELECT, CheckStep.CERTIFICATE, CheckStep.RETRIES, CheckStep.VERIFY, CheckStep.SIGN), steps,
                    "the card signed; the service was never asked");
            assertEquals(1, random.given.size(), "one fresh challenge of the desk's own");
            assertEquals(32, random.given.get(0).length);
            assertEquals(new CardProof(CardProof.Verified.PIN, CardProof.Certificate.VALID, CardProof.Revocation.UNKNOWN, TEST_CA),
                    check.cardProof());

            Visit v = ((Prompt.Done) check.handle(documents(oshirase()))).visit();
            assertEquals(Outcome.PROVISIONAL, v.outcome());
            assertEquals(Route.DOCUMENT_OFFLINE, v.route());
            assertEquals(RecheckState.PENDING, v.recheckState());
            assertEquals("01130012", v.qualification().insurerNumber());
            assertEquals(check.cardProof(), v.card());

            JsonNode json = VisitJson.contract(v);
            assertEquals("pin", json.path("card").path("verified").asText());
            assertEquals("valid", json.path("card").path("certificate").asText());
            assertEquals("unknown", json.path("card").path("revocation").asText());
            assertEquals(TEST_CA, json.path("card").path("issuer").asText());
            assertEquals(v, VisitJson.read(VisitJson.full(v)), "the store reads the card's proof back");
            assertEquals(v.card(), f.store.visit(v.visitId()).orElseThrow().card());
            String line = jp.mynadesk.screen.VisitText.cardLine(v.card());
            assertTrue(line.contains("暗証番号") && line.contains("失効の確認はできていません"), "the screen says so: " + line);
        }
    }

    @Test
    void everyCheckSignsAFreshChallenge() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            Recorded random = new Recorded(11);
            for (int i = 0; i < 2; i++) {
                ReceptionCheck check = new ReceptionCheck(f.context(new NoService(Instant.EPOCH)), random);
                check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
                check.handle(ReceptionCheckTest.pin("1234"));
                check.handle(new DeskEvent.Decline());
            }
            assertEquals(2, random.given.size());
            assertNotEquals(List.of(random.given.get(0)), List.of(random.given.get(1)));
            assertFalse(java.util.Arrays.equals(random.given.get(0), random.given.get(1)));
        }
    }

    @Test
    void aCertificateCopiedOntoAnotherChipFailsAtTheSignature() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("mismatched-key")) {
            ReceptionCheck check = new ReceptionCheck(f.context(new NoService(Instant.EPOCH)), new Random(3));
            assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)),
                    "the certificate itself is fine: only the chip's signature can tell");
            Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(ReceptionCheckTest.pin("1234")));
            assertEquals(ReasonCode.CERTIFICATE_UNTRUSTED, docs.reason().code());
            assertEquals(CardProof.Certificate.UNTRUSTED, check.cardProof().certificate());
            // the お知らせ needs a card that proved itself: this one did not
            Visit v = ((Prompt.Done) check.handle(documents(oshirase()))).visit();
            assertEquals(Outcome.REJECTED, v.outcome());
            assertEquals(ReasonCode.NEEDS_CARD, v.reason().code());
            assertEquals(CardProof.Certificate.UNTRUSTED, v.card().certificate());
        }
    }

    @Test
    void inAnOutageTheCheckGoesOnToThePinAndTheCardProvesItself() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            f.server.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            ReceptionCheck check = new ReceptionCheck(f.context(), new Random(5));
            assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)),
                    "the CRL cannot be fetched: revocation is unknown, the PIN is still asked");
            Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(ReceptionCheckTest.pin("1234")));
            assertEquals(ReasonCode.SERVICE_OFFLINE, docs.reason().code());
            Visit v = ((Prompt.Done) check.handle(documents(ReceptionCheckTest.kakuninsho()))).visit();
            assertEquals(Outcome.PROVISIONAL, v.outcome());
            assertEquals(Route.DOCUMENT_OFFLINE, v.route());
            assertEquals(new CardProof(CardProof.Verified.PIN, CardProof.Certificate.VALID, CardProof.Revocation.UNKNOWN, TEST_CA),
                    v.card());
        }
    }

    @Test
    void visualModeWithoutTheServiceRecordsTheStaffsCheck() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            ReceptionCheck check = new ReceptionCheck(f.context(new NoService(Instant.EPOCH)), new Random(1));
            Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class,
                    check.handle(new DeskEvent.CardPresented(CheckMode.VISUAL, "S001")));
            assertEquals(ReasonCode.SERVICE_OFFLINE, docs.reason().code());
            Visit v = ((Prompt.Done) check.handle(documents(oshirase()))).visit();
            assertEquals(Outcome.PROVISIONAL, v.outcome());
            assertEquals(CardProof.Verified.VISUAL, v.card().verified());
            assertEquals(CardProof.Revocation.UNKNOWN, v.card().revocation());
        }
    }

    @Test
    void theCertificatesDatesAreStillJudgedLocally() throws Exception {
        // default card's certificate ends on 2029-05-10: in its grace on 2029-06-01, past it on 2029-09-01
        try (DeskFixture f = new DeskFixture("2029-06-01T09:30:00").card("default")) {
            ReceptionCheck check = new ReceptionCheck(f.context(new NoService(Instant.EPOCH)), new Random(1));
            Prompt.AwaitingPin p = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertTrue(p.warnings().contains(ReasonCode.CERTIFICATE_IN_GRACE));
            check.handle(ReceptionCheckTest.pin("1234"));
            assertEquals(CardProof.Certificate.IN_GRACE, check.cardProof().certificate());
        }
        try (DeskFixture f = new DeskFixture("2029-09-01T09:30:00").card("default")) {
            ReceptionCheck check = new ReceptionCheck(f.context(new NoService(Instant.EPOCH)), new Random(1));
            Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class,
                    check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertEquals(ReasonCode.CERTIFICATE_EXPIRED, docs.reason().code());
            assertEquals(new CardProof(CardProof.Verified.NONE, CardProof.Certificate.EXPIRED, CardProof.Revocation.UNKNOWN, TEST_CA),
                    check.cardProof());
        }
    }

    @Test
    void aCardOfAnotherCaIsUntrustedBeforeAnyPin() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            DeskContext other = f.context(new NoService(Instant.EPOCH));
            other = new DeskContext(other.clock(), other.readers(), null, other.service(), other.store(),
                    jp.mynadesk.pki.TrustAnchors.of(TestCa.create("other-ca")), other.institution(), other.terminal(),
                    null, null, true);
            ReceptionCheck check = new ReceptionCheck(other, new Random(1));
            Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class,
                    check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertEquals(ReasonCode.CERTIFICATE_UNTRUSTED, docs.reason().code());
            assertEquals(CardProof.Certificate.UNTRUSTED, check.cardProof().certificate());
            assertNull(check.cardProof().issuer());
        }
    }

    /** Clinic mode's test card: issued by a CA made with openssl, which is the only anchor; no service. */
    @Test
    void aCardOfAnOpensslCaProvesItselfWhenThatCaIsTheAnchor(@TempDir Path dir) throws Exception {
        Path ca = OpensslCa.make(dir, "/C=JP/O=Clinic QA/OU=JPKI-like authentication CA for tests");
        Path profile = OpensslCa.profile(dir, "jlis-like");
        try (DeskFixture f = new DeskFixture(AS_OF)) {
            f.reader.insert(jp.mynadesk.virtualcard.MyNumberCard.of(jp.mynadesk.virtualcard.CardProfiles.resolve(profile.toString())));
            for (boolean trusted : new boolean[] {true, false}) {
                DeskContext base = f.context(new NoService(Instant.EPOCH));
                TrustAnchors anchors = trusted ? TrustAnchors.fromPem(ca) : TrustAnchors.testCa();
                ReceptionCheck check = new ReceptionCheck(new DeskContext(base.clock(), base.readers(), null, base.service(),
                        base.store(), anchors, base.institution(), base.terminal(), null, null, false), new Random(9));
                Prompt p = check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
                if (!trusted) {
                    assertEquals(ReasonCode.CERTIFICATE_UNTRUSTED, assertInstanceOf(Prompt.AwaitingDocuments.class, p).reason().code(),
                            "the simulator's root does not vouch for this card");
                    continue;
                }
                assertInstanceOf(Prompt.AwaitingPin.class, p);
                check.handle(ReceptionCheckTest.pin("1234"));
                Visit v = ((Prompt.Done) check.handle(documents(PresentedDocument.builder(DocumentKind.SHIKAKU_JOHO_OSHIRASE)
                        .insurerNumber("01130012").symbol("12345678").number("1").branch("00").name("試験 花子")
                        .birthDate("1990-04-01").build()))).visit();
                assertEquals(Outcome.PROVISIONAL, v.outcome());
                assertEquals(Route.DOCUMENT_OFFLINE, v.route());
                assertEquals(CardProof.Verified.PIN, v.card().verified());
                assertEquals(CardProof.Revocation.UNKNOWN, v.card().revocation());
                assertEquals(anchors.certificates().get(0).getSubjectX500Principal().getName(), v.card().issuer());
            }
        }
    }

    @Test
    void onlineTheProofSaysTheServiceFoundTheCertificateGood() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            check.handle(ReceptionCheckTest.pin("1234"));
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.Decline())).visit();
            assertEquals(Outcome.CONFIRMED, v.outcome());
            assertEquals(new CardProof(CardProof.Verified.PIN, CardProof.Certificate.VALID, CardProof.Revocation.GOOD, TEST_CA),
                    v.card());
        }
    }
}
