package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.oqs.server.OqsService;
import jp.mynadesk.pki.HolderCertificates;
import jp.mynadesk.pki.TestCa;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 points 1, 2 and 8: answers reflect the query day (docs/OQS-MOCK.md §2.8),
 * consent flags on card and numbers answers (§2.7), 医療券 for 医療扶助 (§2.5).
 */
class AnswersOnTheQueryDayTest {
    private final MutableClock clock = MutableClock.jst("2026-12-07T10:00:00");
    private final OqsService service = new OqsService(clock, InsuredRegistry.builtIn(), TestCa.standard(),
            Duration.ofSeconds(60), Duration.ofSeconds(2));

    private QualificationRecord only(QualificationRequest r) {
        QualificationResponse a = roundTrip(service.query(r));
        assertEquals(1, a.results().size(), () -> "one result for " + r.searchInfo());
        return a.results().get(0);
    }

    /** Through the wire format, as a client reads it. */
    private static QualificationResponse roundTrip(QualificationResponse r) {
        try {
            return OqsXml.readQualificationResponse(XmlNode.parse(OqsXml.write(r)));
        } catch (OqsFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static QualificationRequest fumi(String date) {
        return Cards.numbers(date, "121004", "中央", "20240", "00", "19540601", true);
    }

    @Test
    void theElderlyCertificateAndLimitOfTheQueryDayNotLastYears() {
        QualificationRecord r = only(fumi("20261207"));
        assertEquals("20260801", r.elderlyRecipient().validStartDate());
        assertEquals("20270731", r.elderlyRecipient().validEndDate());
        assertEquals("20260715", r.elderlyRecipient().certificateDate());
        assertEquals("020", r.elderlyRecipient().contributionRatio());
        assertEquals("B04", r.limitApplication().classificationFlag());
        assertEquals("20260801", r.limitApplication().validStartDate());
        assertEquals("20270731", r.limitApplication().validEndDate());

        QualificationRecord lastDay = only(fumi("20260731"));
        assertEquals("20260731", lastDay.elderlyRecipient().validEndDate(), "the old period still holds on its last day");
    }

    @Test
    void theElderlyCertificateEndsTheDayBeforeThe75thBirthday() {
        assertEquals("20290531", only(fumi("20290515")).elderlyRecipient().validEndDate());
        assertNull(only(fumi("20290601")).elderlyRecipient(), "75 on 2029-06-01: 後期高齢者, no 高齢受給者証");
    }

    @Test
    void anEndedLimitAndSpecificDiseaseAreNotOffered() {
        QualificationRequest kiriko = Cards.numbers("20261207", "01130012", "12345678", "77", "00", "19800930", true);
        QualificationRecord now = only(kiriko);
        assertNull(now.limitApplication(), "限度額 ended 2026-07-31 and was not renewed");
        assertEquals(List.of(), now.specificDiseases(), "特定疾病 ended 2026-03-31");
        QualificationRecord july = only(Cards.numbers("20260701", "01130012", "12345678", "77", "00", "19800930", true));
        assertEquals("A04", july.limitApplication().classificationFlag());
        assertEquals(List.of(), july.specificDiseases());
        QualificationRecord march = only(Cards.numbers("20260331", "01130012", "12345678", "77", "00", "19800930", true));
        assertEquals("20260331", march.specificDiseases().get(0).validEndDate());
    }

    /** Every built-in person, queried by their numbers on days to come, is never answered with an ended certificate. */
    @Test
    void builtInPeopleStayCurrentAsTheCalendarMoves() throws Exception {
        JsonNode people;
        try (InputStream in = InsuredRegistry.class.getResourceAsStream(InsuredRegistry.RESOURCE)) {
            people = new ObjectMapper().readTree(in).get("people");
        }
        int certificates = 0;
        for (LocalDate day = LocalDate.of(2026, 12, 7); day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusMonths(5)) {
            String date = OqsTime.date(day);
            for (JsonNode p : people) {
                for (JsonNode q : p.get("qualifications")) {
                    QualificationResponse a = service.query(new QualificationRequest(date, Cards.INSTITUTION, "f",
                            new QualificationSearchInfo(q.get("insurerNumber").asText(), q.path("symbol").asText(null),
                                    q.get("number").asText(), null, p.get("birthdate").asText().replace("-", ""), "1", null)));
                    for (QualificationRecord r : a.results()) {
                        if (r.elderlyRecipient() != null) {
                            certificates++;
                            assertCurrent(date, r.elderlyRecipient().validStartDate(), r.elderlyRecipient().validEndDate(), p);
                        }
                        if (r.limitApplication() != null) {
                            certificates++;
                            assertCurrent(date, r.limitApplication().validStartDate(), r.limitApplication().validEndDate(), p);
                        }
                        for (QualificationRecord.SpecificDiseaseInfo d : r.specificDiseases()) {
                            certificates++;
                            assertCurrent(date, d.validStartDate(), d.validEndDate(), p);
                        }
                    }
                }
            }
        }
        assertTrue(certificates > 30, "the renewed certificates are still answered: " + certificates);
    }

    private static void assertCurrent(String date, String from, String until, JsonNode person) {
        assertTrue(from == null || from.compareTo(date) <= 0, person.get("id") + " on " + date + ": starts " + from);
        assertTrue(until == null || until.compareTo(date) >= 0, person.get("id") + " on " + date + ": ended " + until);
    }

    // --- consent flags (issue 20 point 2) ---------------------------------------------------------

    @Test
    void cardAnswersCarryTheLimitWithoutAConsentAndNoSpecificDiseases() {
        HolderCertificates card = Cards.profile("default");
        Challenge c = service.newChallenge();
        QualificationResponse a = roundTrip(service.checkCard(CardCheckRequest.pin("20261207", Cards.INSTITUTION, "F1",
                Cards.der(card), c.challengeId(), Cards.sign(card, c.nonce()), "DESK-02")));
        assertEquals(SegmentOfResult.NORMAL, a.header().segmentOfResult(), () -> a.header().errorMessage());
        QualificationRecord r = a.results().get(0);
        assertNull(r.limitApplicationCertificateRelatedConsFlg(), "no 限度額 consent is asked at the reader since 2024-10-07");
        assertNull(r.limitApplicationCertificateRelatedConsTime());
        assertEquals("A03", r.limitApplication().classificationFlag(), "the 限度額 itself is provided");
        assertEquals("0", r.specificDiseasesCertificateRelatedConsFlg(), "the mock's reader does not ask the 特定疾病 question");
        assertNull(r.specificDiseasesCertificateRelatedConsTime());
        assertEquals(List.of(), r.specificDiseases());
        assertEquals("P000123", r.referenceNumber(), "the 照会番号 the clinic registered comes with the face result");
    }

    @Test
    void numbersAnswersFollowTheOralConsent() {
        QualificationRecord yes = only(Cards.numbers("20261207", "39011002", null, "12345678", null, "19510315", true));
        assertEquals("1", yes.limitApplicationCertificateRelatedConsFlg());
        assertEquals("20261207100000", yes.limitApplicationCertificateRelatedConsTime());
        assertEquals("1", yes.specificDiseasesCertificateRelatedConsFlg());
        assertNotNull(yes.limitApplication());
        assertEquals(1, yes.specificDiseases().size());
        QualificationRecord no = only(Cards.numbers("20261207", "39011002", null, "12345678", null, "19510315", false));
        assertEquals("0", no.limitApplicationCertificateRelatedConsFlg());
        assertNull(no.limitApplicationCertificateRelatedConsTime());
        assertNull(no.limitApplication());
        assertEquals(List.of(), no.specificDiseases());
    }

    // --- 医療扶助 (issue 20 point 8) ------------------------------------------------------------------

    @Test
    void medicalAidCarriesTheMonthsMedicalTicket() {
        QualificationResponse a = roundTrip(service.query(Cards.numbers("20261207", "12341012", null, "7654321", null, "19581103", false)));
        assertEquals(QualificationValidity.VALID, a.qualificationValidity());
        QualificationRecord r = a.results().get(0);
        assertEquals("A1", r.insuredCardClassification());
        assertEquals(1, r.medicalTickets().size());
        QualificationRecord.MedicalTicketInfo t = r.medicalTickets().get(0);
        assertEquals("01", t.ticketType());
        assertEquals("20261201", t.validDate());
        assertEquals("20261231", t.expirationDate());
        assertEquals("202612", t.medicalTreatmentMonth());
        assertEquals("0000012345", t.issueNumber());
        assertEquals(Cards.INSTITUTION, t.designatedInstitutionCode());
        assertEquals("0", t.designatedInstitutionFlag(), "asked by the designated institution");
        assertEquals(List.of("高血圧症", "2型糖尿病"), t.injuryNames());
        assertEquals("02", t.medicalTreatmentType());
        assertEquals("0", t.selfPayAmount());
        assertEquals("01", t.singleOrCombinedUse());

        QualificationResponse elsewhere = roundTrip(service.query(new QualificationRequest("20270115", "2712345678", "f",
                new QualificationSearchInfo("12341012", null, "7654321", null, "19581103", "0", null))));
        QualificationRecord.MedicalTicketInfo jan = elsewhere.results().get(0).medicalTickets().get(0);
        assertEquals("202701", jan.medicalTreatmentMonth(), "a 医療券 is issued per month");
        assertEquals("1", jan.designatedInstitutionFlag(), "asked by another institution");
    }

    @Test
    void medicalAidWithoutARegisteredTicketIsValidUnregistered() {
        QualificationResponse a = roundTrip(service.query(Cards.numbers("20261207", "12341012", null, "1234567", null, "19620909", false)));
        assertEquals(QualificationValidity.VALID_UNREGISTERED, a.qualificationValidity());
        assertEquals(List.of(), a.results().get(0).medicalTickets());
    }

    @Test
    void ticketsAreWrittenInThePublicExpenseList() throws Exception {
        String xml = new String(OqsXml.write(service.query(Cards.numbers("20261207", "12341012", null, "7654321", null,
                "19581103", false))), java.nio.charset.StandardCharsets.UTF_8);
        XmlNode result = XmlNode.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).require("MessageBody")
                .require("ResultList").require("ResultOfQualificationConfirmation");
        XmlNode ticket = result.require("PublicExpenseResultList").require("MedicalTicketInfo");
        assertEquals("202612", ticket.text("MedicalTreatmentMonth"));
        assertEquals("高血圧症", ticket.text("InjuryName1"));
        assertEquals("02", ticket.text("StatusOfInfecton"), "spelled as the layout spec spells it");
        assertFalse(xml.contains("<InjuryName3>"));
    }
}
