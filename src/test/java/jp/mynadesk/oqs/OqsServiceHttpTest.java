package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.CertificateVerdict;
import jp.mynadesk.pki.HolderCertificates;
import jp.mynadesk.pki.HolderSpec;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.pki.TrustAnchors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every service path over real HTTP on an ephemeral port. */
class OqsServiceHttpTest {
    private static final String DATE = "20260415";
    private MutableClock clock;
    private OqsServer server;
    private OqsClient client;

    @BeforeEach
    void start() throws IOException {
        clock = MutableClock.jst("2026-04-15T10:00:00");
        server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock).batchProcessingTime(Duration.ofSeconds(30)));
        client = OqsClient.builder(server.uri()).clock(clock).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static <T> T ok(OqsResult<T> r) {
        if (r instanceof OqsResult.Ok<T> ok) {
            return ok.value();
        }
        throw new AssertionError("expected OK, got " + r.describe());
    }

    private static String rejected(OqsResult<?> r) {
        return assertInstanceOf(OqsResult.Rejected.class, r, () -> r.describe()).errorCode();
    }

    @Test
    void healthAndEphemeralPort() {
        assertTrue(server.port() > 0);
        assertEquals("OK", ok(client.health()));
        assertEquals(CircuitBreaker.State.CLOSED, client.state());
    }

    @Test
    void seedMemberByNumbersIsValidInOqsFormat() {
        QualificationResponse r = ok(client.query(Cards.numbers(DATE, "01130012", "12345678", "1", "00", "19890510", false)));
        assertTrue(r.confirmed());
        assertEquals(SegmentOfResult.NORMAL, r.header().segmentOfResult());
        assertEquals(ReferenceClassification.NUMBERS, r.header().referenceClassification());
        assertEquals("ARB-1", r.header().arbitraryFileIdentifier());
        assertEquals(DATE, r.header().qualificationConfirmationDate());
        assertEquals("20260415100000", r.header().processExecutionTime());
        assertEquals(ProcessingResultStatus.NORMAL, r.processingResultStatus());
        assertEquals(QualificationValidity.VALID, r.qualificationValidity());
        QualificationRecord q = r.results().get(0);
        assertEquals("協会　太郎", q.name());
        assertEquals("ｷｮｳｶｲ ﾀﾛｳ", q.nameKana());
        assertEquals("1", q.sex1());
        assertEquals("19890510", q.birthdate());
        assertEquals("01130012", q.insurerNumber());
        assertEquals("12345678", q.insuredCardSymbol());
        assertEquals("1", q.insuredIdentificationNumber());
        assertEquals("00", q.insuredBranchNumber());
        assertNull(q.insuredPartialContributionRatio(), "協会 adult: no 後期 ratio");
        assertEquals("20241202", q.qualificationDate());
        assertEquals("20291130", q.insuredCardExpirationDate());
        assertEquals("pt-1", q.arbitraryIdentifier());
        assertEquals("0", q.limitApplicationCertificateRelatedConsFlg());
        assertNull(q.limitApplication(), "no 限度額 info without the oral consent flag");
        assertEquals("01130012", r.searchInfo().insurerNumber());
    }

    @Test
    void limitInfoOnlyWithOralConsent() {
        QualificationRecord q = ok(client.query(Cards.numbers(DATE, "01130012", "12345678", "1", "00", "19890510", true)))
                .results().get(0);
        assertEquals("1", q.limitApplicationCertificateRelatedConsFlg());
        assertEquals("20260415100000", q.limitApplicationCertificateRelatedConsTime());
        assertEquals("01", q.limitApplication().classification());
        assertEquals("A03", q.limitApplication().classificationFlag());
    }

    @Test
    void kokuhoNumbersAreSpacePaddedAndAcceptedInEveryForm() throws Exception {
        for (String insurer : List.of("141002", "00141002", "  141002")) {
            QualificationResponse r = ok(client.query(Cards.numbers(DATE, insurer, "横中", "123456", "00", "19781123", false)));
            assertEquals(QualificationValidity.VALID, r.qualificationValidity(), insurer);
            assertEquals("  141002", r.results().get(0).insurerNumber());
        }
        // the raw wire text keeps the spaces
        byte[] raw = post("oqs/qualification", OqsXml.write(Cards.numbers(DATE, "141002", "横中", "123456", "00", "19781123", false)));
        assertTrue(new String(raw, StandardCharsets.UTF_8).contains("<InsurerNumber>  141002</InsurerNumber>"));
    }

    @Test
    void everyQualificationValidity() {
        assertEquals(QualificationValidity.VALID, ok(client.query(
                Cards.numbers(DATE, "01130012", "12345678", "1", "00", "19890510", false))).qualificationValidity());
        QualificationResponse lost = ok(client.query(Cards.numbers(DATE, "01130012", "55550000", "12", "00", "19701010", false)));
        assertEquals(QualificationValidity.INVALID, lost.qualificationValidity());
        assertEquals("20250401", lost.results().get(0).disqualificationDate());
        assertEquals("99", lost.results().get(0).reasonOfLoss());
        QualificationResponse moved = ok(client.query(Cards.numbers(DATE, "06139992", "802", "7777", "00", "19980228", false)));
        assertEquals(QualificationValidity.INVALID_NEW_QUALIFICATION, moved.qualificationValidity());
        assertEquals("03", moved.results().get(0).reasonOfLoss());
        assertEquals(QualificationValidity.VALID, ok(client.query(
                Cards.numbers(DATE, "01130012", "66660000", "3", "00", "19980228", false))).qualificationValidity());
        QualificationResponse none = ok(client.query(Cards.numbers(DATE, "01130012", "12345678", "1", "00", "19900101", false)));
        assertEquals(QualificationValidity.NOT_FOUND, none.qualificationValidity());
        assertTrue(none.results().isEmpty());
        QualificationResponse twins = ok(client.query(Cards.numbers(DATE, "01040013", "40001111", "21", null, "20100720", false)));
        assertEquals(QualificationValidity.MULTIPLE, twins.qualificationValidity());
        assertEquals(2, twins.results().size());
        assertFalse(twins.confirmed());
        assertEquals(QualificationValidity.VALID, ok(client.query(
                Cards.numbers(DATE, "01040013", "40001111", "21", "03", "20100720", false))).qualificationValidity());
        QualificationResponse aid = ok(client.query(Cards.numbers(DATE, "12341012", null, "1234567", null, "19620909", false)));
        assertEquals(QualificationValidity.VALID_UNREGISTERED, aid.qualificationValidity());
        assertEquals("A1", aid.results().get(0).insuredCardClassification());
    }

    @Test
    void elderlyPreschoolAndSpecificDiseases() {
        QualificationRecord fumi = ok(client.query(Cards.numbers(DATE, "121004", "中央", "20240", "00", "19540601", true))).results().get(0);
        assertEquals("020", fumi.elderlyRecipient().contributionRatio());
        assertEquals("B04", fumi.limitApplication().classificationFlag());
        QualificationRecord child = ok(client.query(Cards.numbers(DATE, "01130012", "12345678", "1", "02", "20220115", false))).results().get(0);
        assertEquals("1", child.preschoolClassification());
        assertNull(child.insuredPartialContributionRatio(), "the 後期 ratio field is for 後期高齢者 only");
        assertEquals("020", CopaymentRatio.of(child).orElseThrow());
        assertNull(fumi.insuredPartialContributionRatio());
        assertEquals("020", CopaymentRatio.of(fumi).orElseThrow());
        assertEquals("2", child.personalFamilyClassification());
        QualificationRecord senior = ok(client.query(Cards.numbers(DATE, "39011002", null, "12345678", null, "19510315", true))).results().get(0);
        assertEquals("B09", senior.limitApplication().classificationFlag());
        assertEquals("1", senior.specificDiseases().get(0).diseaseCategory());
        assertEquals("10000", senior.specificDiseases().get(0).selfPay());
        assertNull(senior.insuredCardSymbol());
        assertEquals("020", senior.insuredPartialContributionRatio());
        assertEquals("020", CopaymentRatio.of(senior).orElseThrow());
        QualificationRecord adult = ok(client.query(Cards.numbers(DATE, "01130012", "12345678", "1", "00", "19890510", false))).results().get(0);
        assertNull(adult.insuredPartialContributionRatio());
        assertEquals("030", CopaymentRatio.of(adult).orElseThrow());
    }

    @Test
    void badSearchInfoIsAPersonLevelErrorInANormalFile() {
        QualificationResponse r = ok(client.query(Cards.numbers(DATE, "0113", "12345678", "1", "00", "19890510", false)));
        assertEquals(SegmentOfResult.NORMAL, r.header().segmentOfResult());
        assertEquals(ProcessingResultStatus.ERROR, r.processingResultStatus());
        assertEquals(OqsErrorCodes.BAD_SEARCH_INFO, r.processingResultCode());
        assertNull(r.qualificationValidity());
        QualificationResponse impossible = ok(client.query(Cards.numbers(DATE, "01130012", "12345678", "1", "00", "19890230", false)));
        assertEquals(ProcessingResultStatus.ERROR, impossible.processingResultStatus());
        assertEquals(OqsErrorCodes.BAD_INSTITUTION, rejected(client.query(new QualificationRequest(DATE, "13", "x",
                new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "0", null)))));
    }

    @Test
    void malformedRequestIsRejectedWithHttp400() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("oqs/qualification"))
                .POST(HttpRequest.BodyPublishers.ofString("<XmlMsg><oops")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("<ErrorCode>EM0001</ErrorCode>"));
        assertEquals(404, HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("nope")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(405, HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("oqs/qualification")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void pinModeDefaultCardIsTheSeedMember() {
        QualificationResponse r = ok(Cards.pinCheck(client, Cards.profile("default"), DATE));
        assertTrue(r.confirmed());
        assertEquals(ReferenceClassification.CARD, r.header().referenceClassification());
        QualificationRecord q = r.results().get(0);
        assertEquals("協会　太郎", q.name());
        assertEquals("01130012", q.insurerNumber());
        assertEquals("A03", q.limitApplication().classificationFlag(), "card checks carry 限度額 info (no consent screen since 2024-10)");
        assertEquals(ConsentCategory.NOT_CONSENTED, q.consents().get(ConsentCategory.PHARMACISTS).flag());
        assertNull(r.processingResultCode());
    }

    @Test
    void everyCardProfileMapsToItsHolder() {
        Map<String, String> names = Map.of("one-try-left", "協会　太郎", "blocked", "協会　太郎", "android", "携帯　美咲",
                "iphone", "携帯　健", "senior-75", "長寿　一郎", "child", "協会　さくら", "sex-not-applicable", "適用　なし");
        names.forEach((profile, name) -> {
            QualificationResponse r = ok(Cards.pinCheck(client, Cards.profile(profile), DATE));
            assertEquals(name, r.results().get(0).name(), profile);
            assertEquals(QualificationValidity.VALID, r.qualificationValidity(), profile);
        });
        QualificationRecord senior = ok(Cards.pinCheck(client, Cards.profile("senior-75"), DATE)).results().get(0);
        assertEquals("39011002", senior.insurerNumber(), "the 75th birthday moved him to 後期高齢者");
        assertEquals("3", ok(Cards.pinCheck(client, Cards.profile("sex-not-applicable"), DATE)).results().get(0).sex1());
    }

    @Test
    void cardRefusalsEachHaveTheirOwnCode() {
        assertEquals(OqsErrorCodes.CERT_REVOKED, rejected(Cards.pinCheck(client, Cards.profile("revoked"), DATE)));
        assertEquals(OqsErrorCodes.SIGNATURE_INVALID, rejected(Cards.pinCheck(client, Cards.profile("mismatched-key"), DATE)));
        assertEquals(OqsErrorCodes.CERT_EXPIRED, rejected(Cards.pinCheck(client, Cards.profile("expired"), DATE)));
        HolderCertificates foreign = Cards.issue(TestCa.create("foreign"), profileSpec("default"));
        assertEquals(OqsErrorCodes.CERT_WRONG_ISSUER, rejected(Cards.pinCheck(client, foreign, DATE)));
        assertEquals(CircuitBreaker.State.CLOSED, client.state(), "refusals are answers, not outages");
    }

    @Test
    void challengeIsSingleUseAndExpires() {
        HolderCertificates card = Cards.profile("default");
        Challenge c = ok(client.challenge());
        CardCheckRequest req = CardCheckRequest.pin(DATE, Cards.INSTITUTION, "f", Cards.der(card), c.challengeId(),
                Cards.sign(card, c.nonce()), "DESK-02");
        assertTrue(ok(client.checkCard(req)).confirmed());
        assertEquals(OqsErrorCodes.CHALLENGE_UNKNOWN, rejected(client.checkCard(req)));
        Challenge late = ok(client.challenge());
        clock.advance(Duration.ofSeconds(61));
        assertEquals(OqsErrorCodes.CHALLENGE_EXPIRED, rejected(client.checkCard(CardCheckRequest.pin(DATE, Cards.INSTITUTION,
                "f", Cards.der(card), late.challengeId(), Cards.sign(card, late.nonce()), "DESK-02"))));
        Challenge other = ok(client.challenge());
        byte[] wrongNonce = Cards.sign(card, ok(client.challenge()).nonce());
        assertEquals(OqsErrorCodes.SIGNATURE_INVALID, rejected(client.checkCard(CardCheckRequest.pin(DATE, Cards.INSTITUTION,
                "f", Cards.der(card), other.challengeId(), wrongNonce, "DESK-02"))));
    }

    @Test
    void visualModeOnlyFromRegisteredTerminals() {
        HolderCertificates face = Cards.profile("face-only");
        QualificationResponse r = ok(client.checkCard(CardCheckRequest.visual(DATE, Cards.INSTITUTION, "v1", Cards.der(face),
                Cards.VISUAL_TERMINAL, "受付 山田")));
        assertTrue(r.confirmed());
        assertEquals("顔認　花子", r.results().get(0).name());
        assertEquals("ｶｵﾆﾝ ﾊﾅｺ", r.results().get(0).nameKana());
        assertEquals(OqsErrorCodes.VISUAL_NOT_ALLOWED, rejected(client.checkCard(CardCheckRequest.visual(DATE,
                Cards.INSTITUTION, "v2", Cards.der(face), "DESK-99", "受付 山田"))));
        assertEquals(OqsErrorCodes.VISUAL_NOT_ALLOWED, rejected(client.checkCard(CardCheckRequest.visual(DATE,
                "2712345678", "v3", Cards.der(face), Cards.VISUAL_TERMINAL, "受付 山田"))));
        assertEquals(OqsErrorCodes.VISUAL_NO_STAFF, rejected(client.checkCard(CardCheckRequest.visual(DATE,
                Cards.INSTITUTION, "v4", Cards.der(face), Cards.VISUAL_TERMINAL, " "))));
        assertEquals(OqsErrorCodes.CERT_REVOKED, rejected(client.checkCard(CardCheckRequest.visual(DATE,
                Cards.INSTITUTION, "v5", Cards.der(Cards.profile("revoked")), Cards.VISUAL_TERMINAL, "受付 山田"))));
    }

    @Test
    void graceCardGetsQualificationOnlyWithAWarningCode() {
        HolderSpec spec = new HolderSpec("profile:default", "UG04O23BF9CF3F3H8G9IUAS", LocalDate.of(2021, 2, 1),
                LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 10), "協会 太郎", LocalDate.of(1989, 5, 10), "1", "東京都", false);
        HolderCertificates grace = Cards.issue(TestCa.standard(), spec);
        QualificationResponse r = ok(Cards.pinCheck(client, grace, DATE));
        assertTrue(r.confirmed());
        assertEquals(OqsErrorCodes.WARN_CERT_IN_GRACE, r.processingResultCode());
        assertTrue(r.processingResultMessage().contains("2026-05-31"));
        assertTrue(r.results().get(0).consents().isEmpty(), "no information sharing during the grace");
        assertEquals(OqsErrorCodes.CONSENT_NOT_AVAILABLE, rejected(client.registerConsent(new ConsentRequest(Cards.INSTITUTION,
                Cards.der(grace), Map.of(ConsentCategory.PHARMACISTS, true)))));
        clock.set(LocalDate.of(2026, 6, 1).atStartOfDay(OqsTime.JST).toInstant());
        assertEquals(OqsErrorCodes.CERT_EXPIRED, rejected(Cards.pinCheck(client, grace, "20260601")));
    }

    @Test
    void expiringSoonCardWarnsOnSuccess() {
        HolderSpec spec = new HolderSpec("profile:default", "UG04O23BF9CF3F3H8G9IUAS", LocalDate.of(2021, 6, 1),
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30), "協会 太郎", LocalDate.of(1989, 5, 10), "1", "東京都", false);
        QualificationResponse r = ok(Cards.pinCheck(client, Cards.issue(TestCa.standard(), spec), DATE));
        assertTrue(r.confirmed());
        assertEquals(OqsErrorCodes.WARN_CERT_EXPIRING, r.processingResultCode());
    }

    @Test
    void consentRegistrationLastsTwentyFourHours() {
        HolderCertificates card = Cards.profile("default");
        assertEquals(OqsErrorCodes.CONSENT_NO_CARD_CHECK, rejected(client.registerConsent(new ConsentRequest(Cards.INSTITUTION,
                Cards.der(card), Map.of(ConsentCategory.PHARMACISTS, true)))));
        ok(Cards.pinCheck(client, card, DATE));
        ConsentReceipt receipt = ok(client.registerConsent(new ConsentRequest(Cards.INSTITUTION, Cards.der(card),
                Map.of(ConsentCategory.PHARMACISTS, true, ConsentCategory.DIAGNOSIS, true, ConsentCategory.OPERATION, false))));
        QualificationRecord.Consent drug = receipt.consents().get(ConsentCategory.PHARMACISTS);
        assertEquals("1", drug.flag());
        assertEquals("20260415100000", drug.consTime());
        assertEquals("20260416100000", drug.availableTime());
        assertEquals("0", receipt.consents().get(ConsentCategory.OPERATION).flag());
        assertNull(receipt.consents().get(ConsentCategory.OPERATION).availableTime());

        clock.advance(Duration.ofHours(23));
        QualificationRecord q = ok(Cards.pinCheck(client, card, DATE)).results().get(0);
        assertEquals("1", q.consents().get(ConsentCategory.PHARMACISTS).flag());
        assertEquals("20260416100000", q.consents().get(ConsentCategory.PHARMACISTS).availableTime());
        assertEquals("0", q.consents().get(ConsentCategory.SPECIFIC_HEALTH_CHECKUPS).flag());
        clock.advance(Duration.ofHours(2));
        q = ok(Cards.pinCheck(client, card, DATE)).results().get(0);
        assertEquals(ConsentCategory.EXPIRED, q.consents().get(ConsentCategory.PHARMACISTS).flag());
        // consent is per institution
        clock.advance(Duration.ofHours(1));
        assertEquals(OqsErrorCodes.CONSENT_NO_CARD_CHECK, rejected(client.registerConsent(new ConsentRequest("2712345678",
                Cards.der(card), Map.of(ConsentCategory.PHARMACISTS, true)))));
    }

    @Test
    void batchUploadProcessingThenResults() {
        BatchRequest batch = new BatchRequest(DATE, Cards.INSTITUTION, "BATCH-1", List.of(
                new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "1", "pt-1"),
                new QualificationSearchInfo("01130012", "55550000", "12", "00", "19701010", "0", "pt-2"),
                new QualificationSearchInfo("bad", "x", "1", "00", "19890510", "0", "pt-3")));
        BatchReception reception = ok(client.submitBatch(batch));
        assertNotNull(reception.receptionNumber());
        assertEquals("BATCH-1", reception.header().arbitraryFileIdentifier());
        BatchDownloadRequest download = new BatchDownloadRequest(Cards.INSTITUTION, "DL-1", reception.receptionNumber());
        BatchResult pending = ok(client.fetchBatch(download));
        assertTrue(pending.processing());
        assertEquals(SegmentOfResult.PROCESSING, pending.header().segmentOfResult());
        assertTrue(pending.units().isEmpty());
        clock.advance(Duration.ofSeconds(31));
        BatchResult done = ok(client.fetchBatch(download));
        assertFalse(done.processing());
        assertEquals(reception.receptionNumber(), done.receptionNumber());
        assertEquals("3", done.numberOfProcessingResult());
        assertEquals("2", done.numberOfNormalProcessing());
        assertEquals("1", done.numberOfError());
        assertEquals(QualificationValidity.VALID, done.units().get(0).qualificationValidity());
        assertEquals("A03", done.units().get(0).results().get(0).limitApplication().classificationFlag());
        assertEquals("pt-1", done.units().get(0).searchInfo().arbitraryIdentifier());
        assertEquals(QualificationValidity.INVALID, done.units().get(1).qualificationValidity());
        assertEquals(ProcessingResultStatus.ERROR, done.units().get(2).processingResultStatus());
        assertEquals(OqsErrorCodes.BATCH_UNKNOWN, rejected(client.fetchBatch(new BatchDownloadRequest(Cards.INSTITUTION, "x", "nope"))));
        assertEquals(OqsErrorCodes.BATCH_UNKNOWN, rejected(client.fetchBatch(
                new BatchDownloadRequest("2712345678", "x", reception.receptionNumber()))));
        assertEquals(OqsErrorCodes.BATCH_EMPTY, rejected(client.submitBatch(new BatchRequest(DATE, Cards.INSTITUTION, "e", List.of()))));
    }

    @Test
    void revocationThroughTheServiceCrl() {
        byte[] crl = ok(client.crl());
        assertTrue(crl.length > 100);
        CertificateValidator validator = new CertificateValidator(TrustAnchors.testCa(), client.revocationSource(), clock);
        assertInstanceOf(CertificateVerdict.Revoked.class, validator.validate(Cards.profile("revoked").authCertificate()));
        assertInstanceOf(CertificateVerdict.Valid.class, validator.validate(Cards.profile("default").authCertificate()));
        server.close();
        // the CRL is cached until its nextUpdate: still answers with the service gone
        assertInstanceOf(CertificateVerdict.Valid.class, validator.validate(Cards.profile("face-only").authCertificate()));
    }

    @Test
    void hostileResponseXmlIsATypedError() throws Exception {
        // a DTD with an external entity sent by a "service" is refused before any entity is resolved
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE XmlMsg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<XmlMsg><MessageHeader><SegmentOfResult>1</SegmentOfResult><ErrorMessage>&xxe;</ErrorMessage></MessageHeader>"
                + "<MessageBody/></XmlMsg>").getBytes(StandardCharsets.UTF_8);
        OqsFormatException e = org.junit.jupiter.api.Assertions.assertThrows(OqsFormatException.class, () -> XmlNode.parse(xxe));
        assertFalse(e.getMessage().contains("root:"));
    }

    @Test
    void noTwelveDigitNumberEverTravels() throws Exception {
        HolderCertificates card = Cards.profile("default");
        Challenge c = ok(client.challenge());
        byte[] raw = post("oqs/card", OqsXml.write(CardCheckRequest.pin(DATE, Cards.INSTITUTION, "f", Cards.der(card),
                c.challengeId(), Cards.sign(card, c.nonce()), "DESK-02")));
        String text = new String(raw, StandardCharsets.UTF_8);
        assertTrue(text.contains("<SegmentOfResult>1</SegmentOfResult>"), text);
        assertFalse(java.util.regex.Pattern.compile(">\\s*\\d{12}\\s*<").matcher(text).find(), text);
        for (var component : QualificationRecord.class.getRecordComponents()) {
            assertFalse(component.getName().toLowerCase(java.util.Locale.ROOT).contains("mynumber"), component.getName());
            assertFalse(component.getName().toLowerCase(java.util.Locale.ROOT).contains("individualnumber"), component.getName());
        }
    }

    private byte[] post(String path, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.uri() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static HolderSpec profileSpec(String name) {
        try {
            return jp.mynadesk.virtualcard.CardProfiles.resolve(name).toHolderSpec();
        } catch (jp.mynadesk.virtualcard.ProfileException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSmartphoneCertificatePastExpiryIsRefusedWhereACardWouldBeInGrace() {
        // the built-in registry lists android's certificate in smartphoneCertificates (docs/RULES.md §3.1)
        HolderSpec phone = new HolderSpec("profile:android", "0PUDDXYPNQTCZJMMSXRX39W", LocalDate.of(2021, 2, 1),
                LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 10), "携帯 美咲", LocalDate.of(1995, 7, 7), "2", "愛知県", false);
        OqsResult<QualificationResponse> r = Cards.pinCheck(client, Cards.issue(TestCa.standard(), phone), DATE);
        assertEquals(OqsErrorCodes.CERT_EXPIRED, rejected(r));
        assertTrue(r.describe().contains("猶予期間がありません"), r.describe());
    }
}
