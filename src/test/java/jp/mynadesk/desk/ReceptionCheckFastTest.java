package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import jp.mynadesk.oqs.CardCheckRequest;
import jp.mynadesk.oqs.Challenge;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.MutableClock;
import jp.mynadesk.oqs.OqsErrorCodes;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.ProcessingResultStatus;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.QualificationService;
import jp.mynadesk.oqs.QualificationValidity;
import jp.mynadesk.oqs.ReferenceClassification;
import jp.mynadesk.oqs.SegmentOfResult;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.HolderCertificates;
import jp.mynadesk.pki.RevocationSource;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The reception workflow on its own: a {@link ScriptedCard} on the in-JVM reader says exactly which APDUs the desk
 * sends and what the card answers, and a Mockito {@link QualificationService} stands for the service. No HTTP, no
 * card model, no key generation: each case runs in milliseconds. The end-to-end cases (real mock service, virtual
 * card) stay in {@link ReceptionCheckTest}.
 */
class ReceptionCheckFastTest {
    private static final String AS_OF = "2026-12-01T09:30:00";
    /** The default profile's certificates, issued once per JVM from the bundled keys. */
    private static final HolderCertificates CARD = issue();
    private static final byte[] NONCE = "the service's one-time challenge".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = MutableClock.jst(AS_OF);
    private final VirtualTerminals terminals = new VirtualTerminals();
    private final VirtualTerminal reader = terminals.plug("Scripted Reader 0");
    private final ScriptedCard card = new ScriptedCard();
    private final QualificationService service = mock(QualificationService.class);
    private final InMemoryVisitStore store = new InMemoryVisitStore();

    private static HolderCertificates issue() {
        try {
            return new CardIssuer(TestCa.standard()).issue(CardProfiles.resolve("default").toHolderSpec());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        reader.insert(card);
        when(service.revocationSource()).thenReturn(RevocationSource.skip());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ReceptionCheck check(Random challenges) {
        DeskContext ctx = new DeskContext(clock, new CardReaders(terminals.factory()), null, service, store,
                TrustAnchors.testCa(), DeskFixture.INSTITUTION, "DESK-01", null, null, true);
        return new ReceptionCheck(ctx, challenges);
    }

    private static byte[] der() {
        try {
            return CARD.authCertificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    /** What the chip answers to COMPUTE DIGITAL SIGNATURE: PKCS#1 v1.5 over DigestInfo(SHA-256(data)). */
    private static byte[] cardSignature(byte[] data) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(CARD.authCardKey().getPrivate());
        s.update(data);
        return s.sign();
    }

    private static DeskEvent pin(String digits) {
        return new DeskEvent.PinEntered(digits.toCharArray());
    }

    private static QualificationResponse confirmed() {
        MessageHeader header = new MessageHeader("20261201093000", "20261201", DeskFixture.INSTITUTION, null,
                ReferenceClassification.CARD, SegmentOfResult.NORMAL, null, null, MessageHeader.UTF_8);
        QualificationRecord record = new QualificationRecord("01", "01130012", "12345678", "1", "01", "1", "協会　さくら",
                "協会　さくら", null, "ｷｮｳｶｲ ｻｸﾗ", null, "2", null, "20160402", null, null, "20241201", null, "20241202",
                "20241202", "20291130", null, null, null, "全国健康保険協会東京支部", null, null, null, null, null, null,
                null, null, null, null);
        return new QualificationResponse(header, ProcessingResultStatus.NORMAL, null, null, QualificationValidity.VALID,
                null, null, List.of(record));
    }

    private static DeskEvent.CardPresented pinMode() {
        return new DeskEvent.CardPresented(CheckMode.PIN, null);
    }

    @Test
    void theCardSignsTheServicesChallengeAndTheServiceGetsThatSignature() throws Exception {
        byte[] signature = cardSignature(NONCE);
        card.opensAsMyNumberCard().holdsCertificate(der()).triesLeft(3).verify("1234", 0x9000)
                .signs(sha256(NONCE), signature);
        when(service.challenge()).thenReturn(new OqsResult.Ok<>(new Challenge("CH-1", NONCE, "20261201094000")));
        when(service.checkCard(any())).thenReturn(new OqsResult.Ok<>(confirmed()));
        ReceptionCheck check = check(new Random(1));

        Prompt.AwaitingPin atPin = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(pinMode()));
        assertEquals(3, atPin.triesLeft());
        assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(pin("1234")));
        Visit v = assertInstanceOf(Prompt.Done.class, check.handle(new DeskEvent.Decline())).visit();

        card.assertDone();
        ArgumentCaptor<CardCheckRequest> asked = ArgumentCaptor.forClass(CardCheckRequest.class);
        verify(service).checkCard(asked.capture());
        assertEquals("CH-1", asked.getValue().challengeId());
        assertArrayEquals(signature, asked.getValue().signature(), "the card's own signature, as it gave it");
        assertArrayEquals(der(), asked.getValue().certificate());
        assertEquals(DeskFixture.INSTITUTION, asked.getValue().medicalInstitutionCode());
        verify(service, never()).registerConsent(any());
        assertEquals(Outcome.CONFIRMED, v.outcome());
        assertEquals(Route.CARD_PIN, v.route());
        assertEquals("01130012", v.qualification().insurerNumber());
        assertNull(v.consent(), "declined: nothing registered");
        assertEquals(CardProof.Verified.PIN, check.cardProof().verified());
        assertEquals(List.of(v), store.visits(null));
    }

    @Test
    void aWrongPinCostsOneTryAndNothingReachesTheService() throws Exception {
        card.opensAsMyNumberCard().holdsCertificate(der()).triesLeft(3).verify("0000", 0x63C2).verify("0001", 0x63C1);
        ReceptionCheck check = check(new Random(1));

        check.handle(pinMode());
        Prompt.AwaitingPin again = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(pin("0000")));
        assertEquals(new Reason(ReasonCode.WRONG_PIN, 2), again.reason());
        Prompt.AwaitingPin last = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(pin("0001")));
        assertEquals(1, last.triesLeft());
        assertTrue(last.warnings().contains(ReasonCode.PIN_LAST_TRY), "the last try is warned about");
        Visit v = assertInstanceOf(Prompt.Done.class, check.handle(new DeskEvent.Decline())).visit();

        card.assertDone();
        verify(service, never()).challenge();
        verify(service, never()).checkCard(any());
        assertEquals(Outcome.STOPPED, v.outcome());
        assertTrue(v.warnings().contains(ReasonCode.PIN_LAST_TRY), "the warning is part of the visit");
    }

    @Test
    void aMalformedPinIsNeverSentToTheCard() throws Exception {
        card.opensAsMyNumberCard().holdsCertificate(der()).triesLeft(3);
        ReceptionCheck check = check(new Random(1));
        check.handle(pinMode());
        for (String typed : List.of("123", "12345", "12a4", "１２３４")) {
            Prompt.AwaitingPin p = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(pin(typed)), typed);
            assertEquals(ReasonCode.PIN_FORMAT, p.reason().code(), typed);
            assertEquals(3, p.triesLeft(), typed);
        }
        card.assertDone(); // not one VERIFY
    }

    @Test
    void aBlockedPinOffersTheVisualCheckWithoutAnotherCommand() throws Exception {
        card.opensAsMyNumberCard().holdsCertificate(der()).expect(ScriptedCard.selectEf(0x18), ScriptedCard.ok())
                .expect("00200080", "63C0");
        ReceptionCheck check = check(new Random(1));
        Prompt.AwaitingVisual visual = assertInstanceOf(Prompt.AwaitingVisual.class, check.handle(pinMode()));
        assertEquals(ReasonCode.PIN_BLOCKED, visual.reason().code());
        card.assertDone();
    }

    /** No challenge from the service: the card signs the desk's own, and the desk checks it with the certificate. */
    @Test
    void withoutTheServiceTheCardProvesItselfOnTheDesksOwnChallenge() throws Exception {
        byte[] own = new byte[32];
        new Random(7).nextBytes(own);
        card.opensAsMyNumberCard().holdsCertificate(der()).triesLeft(3).verify("1234", 0x9000)
                .signs(sha256(own), cardSignature(own));
        when(service.challenge()).thenReturn(new OqsResult.Unavailable<>(OqsResult.Reason.TIMEOUT, "no answer", null));
        ReceptionCheck check = check(new Random(7));

        check.handle(pinMode());
        Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(pin("1234")));

        card.assertDone();
        assertEquals(ReasonCode.SERVICE_OFFLINE, docs.reason().code());
        assertFalse(docs.serviceAvailable());
        verify(service, never()).checkCard(any());
        assertEquals(CardProof.Verified.PIN, check.cardProof().verified());
        assertEquals(CardProof.Certificate.VALID, check.cardProof().certificate());
    }

    /** A certificate copied onto another chip: the chip's signature does not verify with the certificate's key. */
    @Test
    void aSignatureTheCertificateDoesNotVerifyMakesTheCardUntrusted() throws Exception {
        byte[] own = new byte[32];
        new Random(7).nextBytes(own);
        byte[] forged = cardSignature(own);
        forged[100] ^= 0x01;
        card.opensAsMyNumberCard().holdsCertificate(der()).triesLeft(3).verify("1234", 0x9000).signs(sha256(own), forged);
        when(service.challenge()).thenReturn(new OqsResult.Offline<>(null, null, "breaker open"));
        ReceptionCheck check = check(new Random(7));

        check.handle(pinMode());
        Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(pin("1234")));

        card.assertDone();
        assertEquals(ReasonCode.CERTIFICATE_UNTRUSTED, docs.reason().code());
        assertEquals(CardProof.Certificate.UNTRUSTED, check.cardProof().certificate());
    }

    @Test
    void aCardWithoutTheJpkiApIsRefusedBeforeAnyPin() throws Exception {
        card.expect(ScriptedCard.selectAid(jp.mynadesk.card.Jpki.AID_JPKI), ScriptedCard.sw(0x6A82));
        ReceptionCheck check = check(new Random(1));
        Prompt p = check.handle(pinMode());
        card.assertDone();
        assertEquals(ReasonCode.NOT_JPKI_CARD, p.reason().code());
        assertFalse(p instanceof Prompt.AwaitingPin);
        verify(service, never()).challenge();
    }

    @Test
    void aCardPulledOutWhileItsCertificateIsReadIsNotMistakenForAnotherCard() throws Exception {
        byte[] der = der();
        card.opensAsMyNumberCard().expect(ScriptedCard.selectEf(0x0A), ScriptedCard.ok())
                .leavesOn("00B00000 00");
        ReceptionCheck check = check(new Random(1));
        Prompt p = check.handle(pinMode());
        card.assertDone();
        assertEquals(ReasonCode.CARD_REMOVED, p.reason().code());
        assertTrue(der.length > 256, "the read was cut after its first chunk was asked for");
    }

    @Test
    void aServiceThatDoesNotKnowTheCardSendsTheCheckToTheDocuments() throws Exception {
        card.opensAsMyNumberCard().holdsCertificate(der()).triesLeft(3).verify("1234", 0x9000)
                .signs(sha256(NONCE), cardSignature(NONCE));
        when(service.challenge()).thenReturn(new OqsResult.Ok<>(new Challenge("CH-2", NONCE, "20261201094000")));
        when(service.checkCard(any())).thenReturn(new OqsResult.Rejected<>(OqsErrorCodes.CARD_NOT_REGISTERED, "未登録", 200));
        ReceptionCheck check = check(new Random(1));

        check.handle(pinMode());
        Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(pin("1234")));
        card.assertDone();
        assertEquals(ReasonCode.CARD_NOT_REGISTERED, docs.reason().code());
        clock.advance(Duration.ofMinutes(1));
        Visit v = assertInstanceOf(Prompt.Done.class, check.handle(new DeskEvent.Decline())).visit();
        assertEquals(Outcome.STOPPED, v.outcome());
        assertEquals(ReasonCode.CARD_NOT_REGISTERED, v.reason().code());
        assertTrue(Arrays.asList(ReasonCode.values()).contains(v.reason().code()));
    }

    /**
     * What a step learns travels with the step that needs it: a smartphone's certificate is not there at the PIN
     * (readable only after it), so the check holds an opened card and no proof; once the PIN is verified it holds
     * the certified card, and the qualification rides in the consent prompt. What was learnt is replaced, never
     * changed: the PIN prompt's view of the check stays as it was.
     */
    @Test
    void eachStepsDataTravelsWithTheStepThatNeedsIt() throws Exception {
        card.opensAsAndroid().triesLeft(3).verify("1234", 0x9000).holdsCertificate(der())
                .signs(sha256(NONCE), cardSignature(NONCE));
        when(service.challenge()).thenReturn(new OqsResult.Ok<>(new Challenge("CH-3", NONCE, "20261201094000")));
        when(service.checkCard(any())).thenReturn(new OqsResult.Ok<>(confirmed()));
        ReceptionCheck check = check(new Random(1));
        assertInstanceOf(CardSoFar.None.class, check.soFar().card(), "nothing on the reader before the card is presented");

        assertInstanceOf(Prompt.AwaitingPin.class, check.handle(pinMode()));
        CheckSoFar atPin = check.soFar();
        CardSoFar.Opened opened = assertInstanceOf(CardSoFar.Opened.class, atPin.card(), "no certificate before the PIN");
        assertEquals(jp.mynadesk.card.TokenKind.ANDROID, opened.token());
        assertNull(check.cardProof());

        Prompt.AwaitingConsent consent = assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(pin("1234")));
        CardSoFar.Certified certified = assertInstanceOf(CardSoFar.Certified.class, check.soFar().card());
        assertEquals(opened, certified.card(), "the same opened card, now with its certificate");
        assertArrayEquals(der(), certified.certificate().der());
        assertEquals(CardProof.Verified.PIN, certified.proof().verified(), "the PIN came before the certificate");
        assertTrue(certified.sharingAllowed());
        assertEquals("01130012", consent.qualification().insurerNumber(), "the qualification rides in the prompt");
        assertInstanceOf(CardSoFar.Opened.class, atPin.card(), "what the PIN prompt saw was not changed");

        Visit v = assertInstanceOf(Prompt.Done.class, check.handle(new DeskEvent.Decline())).visit();
        card.assertDone();
        assertEquals(Outcome.CONFIRMED, v.outcome());
        assertEquals(consent.qualification(), v.qualification());
        assertEquals(certified.proof(), v.card());
        assertEquals(Route.CARD_PIN, check.soFar().route());
    }

    /** A card that does not open as a JPKI card is held (closed at the end) but not shown beside an お知らせ. */
    @Test
    void aCardThatDidNotOpenIsHeldButNotShown() throws Exception {
        card.expect(ScriptedCard.selectAid(jp.mynadesk.card.Jpki.AID_JPKI), ScriptedCard.sw(0x6A82));
        ReceptionCheck check = check(new Random(1));
        check.handle(pinMode());
        assertInstanceOf(CardSoFar.Connected.class, check.soFar().card());
        assertNull(check.cardProof());
        card.assertDone();
    }
}
