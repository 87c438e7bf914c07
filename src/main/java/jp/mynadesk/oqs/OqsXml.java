package jp.mynadesk.oqs;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the OQS messages (docs/OQS-MOCK.md §2.1–§2.3) and the mock's card, challenge and consent messages in the
 * same {@code XmlMsg / MessageHeader / MessageBody} shape. Readers are strict: a missing required element or a code
 * outside its table is an {@link OqsFormatException}, never a half-filled object.
 */
public final class OqsXml {
    public static final String ROOT = "XmlMsg";
    public static final String HEADER = "MessageHeader";
    public static final String BODY = "MessageBody";
    public static final String SEARCH_INFO = "QualificationConfirmSearchInfo";
    public static final String RESULT = "ResultOfQualificationConfirmation";

    private OqsXml() {}

    // --- header ---------------------------------------------------------------------------------

    public static void writeHeader(XmlWriter w, MessageHeader h) {
        w.open(HEADER)
                .leaf("ProcessExecutionTime", h.processExecutionTime())
                .leaf("QualificationConfirmationDate", h.qualificationConfirmationDate())
                .leaf("MedicalInstitutionCode", h.medicalInstitutionCode())
                .leaf("ArbitraryFileIdentifier", h.arbitraryFileIdentifier())
                .leaf("ReferenceClassification", h.referenceClassification() == null ? null : h.referenceClassification().code())
                .leaf("SegmentOfResult", h.segmentOfResult() == null ? null : h.segmentOfResult().code())
                .leaf("ErrorCode", h.errorCode())
                .leaf("ErrorMessage", h.errorMessage())
                .leaf("CharacterCodeIdentifier", h.characterCodeIdentifier())
                .close(HEADER);
    }

    /** The header of a result message; SegmentOfResult is required. */
    public static MessageHeader readHeader(XmlNode root) throws OqsFormatException {
        XmlNode h = envelope(root).require(HEADER);
        String ref = h.text("ReferenceClassification");
        return new MessageHeader(h.text("ProcessExecutionTime"), h.text("QualificationConfirmationDate"),
                h.text("MedicalInstitutionCode"), h.text("ArbitraryFileIdentifier"),
                ref == null ? null : ReferenceClassification.fromCode(ref),
                SegmentOfResult.fromCode(h.text("SegmentOfResult")), h.text("ErrorCode"), h.text("ErrorMessage"),
                h.text("CharacterCodeIdentifier"));
    }

    /**
     * An error answer: a header with SegmentOfResult 9 and ErrorCode/ErrorMessage, and a body that says the same at
     * person level (ProcessingResultStatus 2 with ProcessingResultCode/Message), because parsers that read only the
     * body (docs/OQS-MOCK.md "Error answers") would otherwise find an empty one.
     */
    public static byte[] error(MessageHeader header) {
        XmlWriter w = new XmlWriter().open(ROOT);
        writeHeader(w, header);
        w.open(BODY);
        writeErrorBody(w, header);
        return w.close(BODY).close(ROOT).toBytes(header.characterCodeIdentifier());
    }

    private static void writeErrorBody(XmlWriter w, MessageHeader header) {
        w.leaf("ProcessingResultStatus", ProcessingResultStatus.ERROR.code())
                .leaf("ProcessingResultCode", header.errorCode())
                .leaf("ProcessingResultMessage", header.errorMessage());
    }

    private static XmlNode envelope(XmlNode root) throws OqsFormatException {
        if (!ROOT.equals(root.name())) {
            throw new OqsFormatException("root element must be XmlMsg, got " + root.name());
        }
        return root;
    }

    private static XmlNode body(XmlNode root) throws OqsFormatException {
        return envelope(root).require(BODY);
    }

    // --- search info and requests ----------------------------------------------------------------

    static void writeSearchInfo(XmlWriter w, QualificationSearchInfo s) {
        w.open(SEARCH_INFO)
                .leaf("InsurerNumber", s.insurerNumber())
                .leaf("InsuredCardSymbol", s.insuredCardSymbol())
                .leaf("InsuredIdentificationNumber", s.insuredIdentificationNumber())
                .leaf("InsuredBranchNumber", s.insuredBranchNumber())
                .leaf("Birthdate", s.birthdate())
                .leaf("LimitApplicationCertificateRelatedConsFlg", s.limitApplicationCertificateRelatedConsFlg())
                .leaf("ArbitraryIdentifier", s.arbitraryIdentifier())
                .close(SEARCH_INFO);
    }

    static QualificationSearchInfo readSearchInfo(XmlNode s) throws OqsFormatException {
        return new QualificationSearchInfo(s.text("InsurerNumber"), s.text("InsuredCardSymbol"),
                s.text("InsuredIdentificationNumber"), s.text("InsuredBranchNumber"), s.text("Birthdate"),
                s.text("LimitApplicationCertificateRelatedConsFlg"), s.text("ArbitraryIdentifier"));
    }

    private static void writeRequestHeader(XmlWriter w, String date, String institution, String fileId, String charCode) {
        w.open(HEADER)
                .leaf("QualificationConfirmationDate", date)
                .leaf("MedicalInstitutionCode", institution)
                .leaf("ArbitraryFileIdentifier", fileId)
                .leaf("CharacterCodeIdentifier", charCode)
                .close(HEADER);
    }

    /** The code a request asks its answer to be written in (docs/OQS-MOCK.md §2.4); null when it names none. */
    private static String askedCode(XmlNode header) throws OqsFormatException {
        return CharacterCode.identifierOf(header.text("CharacterCodeIdentifier"));
    }

    public static byte[] write(QualificationRequest r) {
        XmlWriter w = new XmlWriter().open(ROOT);
        writeRequestHeader(w, r.qualificationConfirmationDate(), r.medicalInstitutionCode(), r.arbitraryFileIdentifier(),
                r.characterCodeIdentifier());
        w.open(BODY);
        writeSearchInfo(w, r.searchInfo());
        return w.close(BODY).close(ROOT).toBytes();
    }

    public static QualificationRequest readQualificationRequest(XmlNode root) throws OqsFormatException {
        XmlNode h = envelope(root).require(HEADER);
        XmlNode b = body(root);
        return new QualificationRequest(h.text("QualificationConfirmationDate"), h.text("MedicalInstitutionCode"),
                h.text("ArbitraryFileIdentifier"), readSearchInfo(b.require(SEARCH_INFO)), askedCode(h));
    }

    public static byte[] write(BatchRequest r) {
        XmlWriter w = new XmlWriter().open(ROOT);
        writeRequestHeader(w, r.qualificationConfirmationDate(), r.medicalInstitutionCode(), r.arbitraryFileIdentifier(),
                r.characterCodeIdentifier());
        w.open(BODY);
        for (QualificationSearchInfo s : r.searchInfos()) {
            writeSearchInfo(w, s);
        }
        return w.close(BODY).close(ROOT).toBytes();
    }

    public static BatchRequest readBatchRequest(XmlNode root) throws OqsFormatException {
        XmlNode h = envelope(root).require(HEADER);
        List<QualificationSearchInfo> infos = new ArrayList<>();
        for (XmlNode s : body(root).all(SEARCH_INFO)) {
            infos.add(readSearchInfo(s));
        }
        return new BatchRequest(h.text("QualificationConfirmationDate"), h.text("MedicalInstitutionCode"),
                h.text("ArbitraryFileIdentifier"), infos, askedCode(h));
    }

    public static byte[] write(BatchDownloadRequest r) {
        XmlWriter w = new XmlWriter().open(ROOT).open(HEADER)
                .leaf("MedicalInstitutionCode", r.medicalInstitutionCode())
                .leaf("ArbitraryFileIdentifier", r.arbitraryFileIdentifier())
                .leaf("CharacterCodeIdentifier", r.characterCodeIdentifier())
                .close(HEADER);
        return w.open(BODY).leaf("ReceptionNumber", r.receptionNumber()).close(BODY).close(ROOT).toBytes();
    }

    public static BatchDownloadRequest readBatchDownloadRequest(XmlNode root) throws OqsFormatException {
        XmlNode h = envelope(root).require(HEADER);
        return new BatchDownloadRequest(h.text("MedicalInstitutionCode"), h.text("ArbitraryFileIdentifier"),
                body(root).text("ReceptionNumber"), askedCode(h));
    }

    public static byte[] write(CardCheckRequest r) {
        XmlWriter w = new XmlWriter().open(ROOT);
        writeRequestHeader(w, r.qualificationConfirmationDate(), r.medicalInstitutionCode(), r.arbitraryFileIdentifier(),
                r.characterCodeIdentifier());
        w.open(BODY).open("CardAuthenticationInfo")
                .leaf("AuthenticationMode", r.mode().code())
                .leaf("ChallengeId", r.challengeId())
                .leaf("Certificate", base64(r.certificate()))
                .leaf("Signature", base64(r.signature()))
                .leaf("TerminalId", r.terminalId())
                .leaf("ConfirmedBy", r.confirmedBy())
                .close("CardAuthenticationInfo");
        return w.close(BODY).close(ROOT).toBytes();
    }

    public static CardCheckRequest readCardCheckRequest(XmlNode root) throws OqsFormatException {
        XmlNode h = envelope(root).require(HEADER);
        XmlNode a = body(root).require("CardAuthenticationInfo");
        return new CardCheckRequest(CardCheckRequest.Mode.fromCode(a.text("AuthenticationMode")),
                h.text("QualificationConfirmationDate"), h.text("MedicalInstitutionCode"), h.text("ArbitraryFileIdentifier"),
                unbase64("Certificate", a.requireText("Certificate")), a.text("ChallengeId"),
                unbase64("Signature", a.text("Signature")), a.text("TerminalId"), a.text("ConfirmedBy"), askedCode(h));
    }

    public static byte[] write(ConsentRequest r) {
        XmlWriter w = new XmlWriter().open(ROOT).open(HEADER)
                .leaf("MedicalInstitutionCode", r.medicalInstitutionCode()).close(HEADER);
        w.open(BODY).open("ConsentRegistrationInfo").leaf("Certificate", base64(r.certificate()));
        for (ConsentCategory c : ConsentCategory.values()) {
            Boolean yes = r.answers().get(c);
            if (yes != null) {
                w.leaf(c.prefix() + "ConsFlg", yes ? ConsentCategory.CONSENTED : ConsentCategory.NOT_CONSENTED);
            }
        }
        return w.close("ConsentRegistrationInfo").close(BODY).close(ROOT).toBytes();
    }

    public static ConsentRequest readConsentRequest(XmlNode root) throws OqsFormatException {
        XmlNode h = envelope(root).require(HEADER);
        XmlNode c = body(root).require("ConsentRegistrationInfo");
        Map<ConsentCategory, Boolean> answers = new EnumMap<>(ConsentCategory.class);
        for (ConsentCategory cat : ConsentCategory.values()) {
            String flag = c.text(cat.prefix() + "ConsFlg");
            if (flag != null) {
                if (!flag.equals("0") && !flag.equals("1")) {
                    throw new OqsFormatException(cat.prefix() + "ConsFlg must be 0 or 1, got " + SegmentOfResult.quote(flag));
                }
                answers.put(cat, flag.equals("1"));
            }
        }
        return new ConsentRequest(h.text("MedicalInstitutionCode"), unbase64("Certificate", c.requireText("Certificate")), answers);
    }

    // --- results ---------------------------------------------------------------------------------

    public static byte[] write(QualificationResponse r) {
        XmlWriter w = new XmlWriter().open(ROOT);
        writeHeader(w, r.header());
        w.open(BODY);
        if (!r.results().isEmpty()) {
            w.open("ResultList");
            for (QualificationRecord q : r.results()) {
                writeRecord(w, q);
            }
            w.close("ResultList");
        }
        if (r.searchInfo() != null) {
            writeSearchInfo(w, r.searchInfo());
        }
        if (r.header().segmentOfResult() == SegmentOfResult.ABNORMAL && r.processingResultStatus() == null) {
            writeErrorBody(w, r.header());
            return w.close(BODY).close(ROOT).toBytes(r.header().characterCodeIdentifier());
        }
        w.leaf("ProcessingResultStatus", r.processingResultStatus() == null ? null : r.processingResultStatus().code())
                .leaf("ProcessingResultCode", r.processingResultCode())
                .leaf("ProcessingResultMessage", r.processingResultMessage())
                .leaf("QualificationValidity", r.qualificationValidity() == null ? null : r.qualificationValidity().code())
                .leaf("PrescriptionIssueSelect", r.prescriptionIssueSelect());
        return w.close(BODY).close(ROOT).toBytes(r.header().characterCodeIdentifier());
    }

    /** Reads a qualification result; a SegmentOfResult 9 file has a header and nothing else of interest. */
    public static QualificationResponse readQualificationResponse(XmlNode root) throws OqsFormatException {
        MessageHeader header = readHeader(root);
        if (header.segmentOfResult() != SegmentOfResult.NORMAL) {
            return new QualificationResponse(header, null, null, null, null, null, null, List.of());
        }
        XmlNode b = body(root);
        List<QualificationRecord> results = new ArrayList<>();
        XmlNode list = b.child("ResultList").orElse(null);
        if (list != null) {
            for (XmlNode q : list.all(RESULT)) {
                results.add(readRecord(q));
            }
        }
        ProcessingResultStatus status = ProcessingResultStatus.fromCode(b.text("ProcessingResultStatus"));
        String validity = b.text("QualificationValidity");
        if (status == ProcessingResultStatus.NORMAL && validity == null) {
            throw new OqsFormatException("QualificationValidity is required when ProcessingResultStatus is 1");
        }
        QualificationValidity v = validity == null ? null : QualificationValidity.fromCode(validity);
        if (v != null && (v == QualificationValidity.MULTIPLE ? results.size() < 2 : results.size() > 1)) {
            throw new OqsFormatException("QualificationValidity " + v.code() + " with " + results.size() + " results");
        }
        XmlNode search = b.child(SEARCH_INFO).orElse(null);
        return new QualificationResponse(header, status, b.text("ProcessingResultCode"), b.text("ProcessingResultMessage"),
                v, b.text("PrescriptionIssueSelect"), search == null ? null : readSearchInfo(search), results);
    }

    public static byte[] write(BatchReception r) {
        if (r.header().segmentOfResult() == SegmentOfResult.ABNORMAL) {
            return error(r.header());
        }
        XmlWriter w = new XmlWriter().open(ROOT);
        writeHeader(w, r.header());
        return w.open(BODY).leaf("ReceptionNumber", r.receptionNumber()).leaf("ReceptionDateTime", r.receptionDateTime())
                .close(BODY).close(ROOT).toBytes(r.header().characterCodeIdentifier());
    }

    public static BatchReception readBatchReception(XmlNode root) throws OqsFormatException {
        MessageHeader header = readHeader(root);
        if (header.segmentOfResult() != SegmentOfResult.NORMAL) {
            return new BatchReception(header, null, null);
        }
        XmlNode b = body(root);
        return new BatchReception(header, b.requireText("ReceptionNumber"), b.text("ReceptionDateTime"));
    }

    public static byte[] write(BatchResult r) {
        MessageHeader h = r.header();
        XmlWriter w = new XmlWriter().open(ROOT).open(HEADER)
                .leaf("ProcessExecutionTime", h.processExecutionTime())
                .leaf("QualificationConfirmationDate", h.qualificationConfirmationDate())
                .leaf("MedicalInstitutionCode", h.medicalInstitutionCode())
                .leaf("ArbitraryFileIdentifier", h.arbitraryFileIdentifier())
                .leaf("ReceptionNumber", r.receptionNumber())
                .leaf("SegmentOfResult", h.segmentOfResult().code())
                .leaf("ErrorCode", h.errorCode())
                .leaf("ErrorMessage", h.errorMessage())
                .leaf("NumberOfProcessingResult", r.numberOfProcessingResult())
                .leaf("NumberOfNormalProcessing", r.numberOfNormalProcessing())
                .leaf("NumberOfError", r.numberOfError())
                .leaf("CharacterCodeIdentifier", h.characterCodeIdentifier())
                .close(HEADER);
        w.open(BODY);
        if (h.segmentOfResult() == SegmentOfResult.ABNORMAL && r.units().isEmpty()) {
            writeErrorBody(w, h);
        }
        for (BatchResult.BulkConfirmUnit u : r.units()) {
            w.open("BulkConfirmUnit");
            writeSearchInfo(w, u.searchInfo());
            w.leaf("ProcessingResultStatus", u.processingResultStatus().code())
                    .leaf("ProcessingResultCode", u.processingResultCode())
                    .leaf("ProcessingResultMessage", u.processingResultMessage())
                    .leaf("QualificationValidity", u.qualificationValidity() == null ? null : u.qualificationValidity().code());
            for (QualificationRecord q : u.results()) {
                writeRecord(w, q);
            }
            w.leaf("ReferenceNumber", u.referenceNumber()).close("BulkConfirmUnit");
        }
        return w.close(BODY).close(ROOT).toBytes(h.characterCodeIdentifier());
    }

    public static BatchResult readBatchResult(XmlNode root) throws OqsFormatException {
        MessageHeader header = readHeader(root);
        XmlNode h = root.require(HEADER);
        List<BatchResult.BulkConfirmUnit> units = new ArrayList<>();
        if (header.segmentOfResult() == SegmentOfResult.NORMAL) {
            for (XmlNode u : body(root).all("BulkConfirmUnit")) {
                List<QualificationRecord> results = new ArrayList<>();
                for (XmlNode q : u.all(RESULT)) {
                    results.add(readRecord(q));
                }
                String validity = u.text("QualificationValidity");
                units.add(new BatchResult.BulkConfirmUnit(readSearchInfo(u.require(SEARCH_INFO)),
                        ProcessingResultStatus.fromCode(u.text("ProcessingResultStatus")), u.text("ProcessingResultCode"),
                        u.text("ProcessingResultMessage"), validity == null ? null : QualificationValidity.fromCode(validity),
                        results, u.text("ReferenceNumber")));
            }
        }
        return new BatchResult(header, h.text("ReceptionNumber"), h.text("NumberOfProcessingResult"),
                h.text("NumberOfNormalProcessing"), h.text("NumberOfError"), units);
    }

    public static byte[] write(MessageHeader header, Challenge c) {
        XmlWriter w = new XmlWriter().open(ROOT);
        writeHeader(w, header);
        return w.open(BODY).open("Challenge").leaf("ChallengeId", c.challengeId()).leaf("Nonce", base64(c.nonce()))
                .leaf("ExpiresAt", c.expiresAt()).close("Challenge").close(BODY).close(ROOT).toBytes();
    }

    /** The challenge in a normal answer (callers check the header's SegmentOfResult first). */
    public static Challenge readChallenge(XmlNode root) throws OqsFormatException {
        XmlNode c = body(root).require("Challenge");
        byte[] nonce = unbase64("Nonce", c.requireText("Nonce"));
        if (nonce.length < 16) {
            throw new OqsFormatException("challenge nonce is too short: " + nonce.length + " bytes");
        }
        return new Challenge(c.requireText("ChallengeId"), nonce, c.requireText("ExpiresAt"));
    }

    public static byte[] write(ConsentReceipt r) {
        if (r.header().segmentOfResult() == SegmentOfResult.ABNORMAL) {
            return error(r.header());
        }
        XmlWriter w = new XmlWriter().open(ROOT);
        writeHeader(w, r.header());
        w.open(BODY).open("ConsentRegistrationResult");
        for (ConsentCategory c : ConsentCategory.values()) {
            QualificationRecord.Consent consent = r.consents().get(c);
            if (consent != null) {
                writeConsent(w, c.prefix(), consent);
            }
        }
        return w.close("ConsentRegistrationResult").close(BODY).close(ROOT).toBytes();
    }

    public static ConsentReceipt readConsentReceipt(XmlNode root) throws OqsFormatException {
        MessageHeader header = readHeader(root);
        Map<ConsentCategory, QualificationRecord.Consent> consents = new EnumMap<>(ConsentCategory.class);
        if (header.segmentOfResult() == SegmentOfResult.NORMAL) {
            XmlNode r = body(root).require("ConsentRegistrationResult");
            readConsents(r, consents);
        }
        return new ConsentReceipt(header, consents);
    }

    // --- ResultOfQualificationConfirmation ----------------------------------------------------------

    static void writeRecord(XmlWriter w, QualificationRecord q) {
        w.open(RESULT)
                .leaf("InsuredCardClassification", q.insuredCardClassification())
                .leaf("InsurerNumber", q.insurerNumber())
                .leaf("InsuredCardSymbol", q.insuredCardSymbol())
                .leaf("InsuredIdentificationNumber", q.insuredIdentificationNumber())
                .leaf("InsuredBranchNumber", q.insuredBranchNumber())
                .leaf("PersonalFamilyClassification", q.personalFamilyClassification())
                .leaf("InsuredName", q.insuredName())
                .leaf("Name", q.name())
                .leaf("NameOfOther", q.nameOfOther())
                .leaf("NameKana", q.nameKana())
                .leaf("NameOfOtherKana", q.nameOfOtherKana())
                .leaf("Sex1", q.sex1())
                .leaf("Sex2", q.sex2())
                .leaf("Birthdate", q.birthdate())
                .leaf("Address", q.address())
                .leaf("PostNumber", q.postNumber())
                .leaf("QualificationDate", q.qualificationDate())
                .leaf("DisqualificationDate", q.disqualificationDate())
                .leaf("InsuredCertificateIssuanceDate", q.insuredCertificateIssuanceDate())
                .leaf("InsuredCardValidDate", q.insuredCardValidDate())
                .leaf("InsuredCardExpirationDate", q.insuredCardExpirationDate())
                .leaf("InsuredPartialContributionRatio", q.insuredPartialContributionRatio())
                .leaf("PreschoolClassification", q.preschoolClassification())
                .leaf("ReasonOfLoss", q.reasonOfLoss())
                .leaf("InsurerName", q.insurerName());
        QualificationRecord.ElderlyRecipientInfo e = q.elderlyRecipient();
        if (e != null) {
            w.open("ElderlyRecipientCertificateInfo")
                    .leaf("ElderlyRecipientCertificateDate", e.certificateDate())
                    .leaf("ElderlyRecipientValidStartDate", e.validStartDate())
                    .leaf("ElderlyRecipientValidEndDate", e.validEndDate())
                    .leaf("ElderlyRecipientContributionRatio", e.contributionRatio())
                    .close("ElderlyRecipientCertificateInfo");
        }
        w.leaf("LimitApplicationCertificateRelatedConsFlg", q.limitApplicationCertificateRelatedConsFlg())
                .leaf("LimitApplicationCertificateRelatedConsTime", q.limitApplicationCertificateRelatedConsTime());
        QualificationRecord.LimitApplicationInfo l = q.limitApplication();
        if (l != null) {
            w.open("LimitApplicationCertificateRelatedInfo")
                    .leaf("LimitApplicationCertificateClassification", l.classification())
                    .leaf("LimitApplicationCertificateClassificationFlag", l.classificationFlag())
                    .leaf("LimitApplicationCertificateDate", l.certificateDate())
                    .leaf("LimitApplicationCertificateValidStartDate", l.validStartDate())
                    .leaf("LimitApplicationCertificateValidEndDate", l.validEndDate())
                    .leaf("LimitApplicationCertificateLongTermDate", l.longTermDate())
                    .close("LimitApplicationCertificateRelatedInfo");
        }
        w.leaf("SpecificDiseasesCertificateRelatedConsFlg", q.specificDiseasesCertificateRelatedConsFlg())
                .leaf("SpecificDiseasesCertificateRelatedConsTime", q.specificDiseasesCertificateRelatedConsTime());
        if (!q.specificDiseases().isEmpty()) {
            w.open("SpecificDiseasesCertificateList");
            for (QualificationRecord.SpecificDiseaseInfo d : q.specificDiseases()) {
                w.open("SpecificDiseasesCertificateInfo")
                        .leaf("SpecificDiseasesDiseaseCategory", d.diseaseCategory())
                        .leaf("SpecificDiseasesCertificateDate", d.certificateDate())
                        .leaf("SpecificDiseasesValidStartDate", d.validStartDate())
                        .leaf("SpecificDiseasesValidEndDate", d.validEndDate())
                        .leaf("SpecificDiseasesSelfPay", d.selfPay())
                        .close("SpecificDiseasesCertificateInfo");
            }
            w.close("SpecificDiseasesCertificateList");
        }
        if (!q.medicalTickets().isEmpty()) {
            w.open(PUBLIC_EXPENSE_LIST);
            for (QualificationRecord.MedicalTicketInfo t : q.medicalTickets()) {
                writeMedicalTicket(w, t);
            }
            w.close(PUBLIC_EXPENSE_LIST);
        }
        for (ConsentCategory c : ConsentCategory.values()) {
            QualificationRecord.Consent consent = q.consents().get(c);
            if (consent != null) {
                writeConsent(w, c.prefix(), consent);
            }
        }
        writeSubsidies(w, q.medicalSubsidies());
        w.leaf("ReferenceNumber", q.referenceNumber())
                .leaf("ArbitraryIdentifier", q.arbitraryIdentifier())
                .close(RESULT);
    }

    /** Wrapper and names partly assumed (docs/OQS-MOCK.md "医療費助成 (PMH)"). */
    static final String SUBSIDY_LIST = "MedicalSubsidyList";
    static final String SUBSIDY_INFO = "MedicalSubsidyInfo";

    private static void writeSubsidies(XmlWriter w, List<QualificationRecord.MedicalSubsidyInfo> subsidies) {
        if (subsidies.isEmpty()) {
            return;
        }
        w.open(SUBSIDY_LIST);
        for (QualificationRecord.MedicalSubsidyInfo m : subsidies) {
            w.open(SUBSIDY_INFO)
                    .leaf("MedicalSubsidyName", m.name())
                    .leaf("PublicExpenseNumber", m.publicExpenseNumber())
                    .leaf("BeneficiaryNumber", m.beneficiaryNumber())
                    .leaf("MedicalSubsidyValidStartDate", m.validStartDate())
                    .leaf("MedicalSubsidyValidEndDate", m.validEndDate())
                    .close(SUBSIDY_INFO);
        }
        w.close(SUBSIDY_LIST);
    }

    private static List<QualificationRecord.MedicalSubsidyInfo> readSubsidies(XmlNode q) throws OqsFormatException {
        List<QualificationRecord.MedicalSubsidyInfo> out = new ArrayList<>();
        XmlNode list = q.child(SUBSIDY_LIST).orElse(null);
        if (list != null) {
            for (XmlNode m : list.all(SUBSIDY_INFO)) {
                String payer = m.requireText("PublicExpenseNumber");
                String beneficiary = m.requireText("BeneficiaryNumber");
                if (!payer.strip().matches("\\d{8}")) {
                    throw new OqsFormatException("PublicExpenseNumber must be 8 digits, got " + SegmentOfResult.quote(payer));
                }
                if (!beneficiary.strip().matches("\\d{7}")) {
                    throw new OqsFormatException("BeneficiaryNumber must be 7 digits, got " + SegmentOfResult.quote(beneficiary));
                }
                out.add(new QualificationRecord.MedicalSubsidyInfo(m.text("MedicalSubsidyName"), payer.strip(),
                        beneficiary.strip(), m.text("MedicalSubsidyValidStartDate"), m.text("MedicalSubsidyValidEndDate")));
            }
        }
        return out;
    }

    /** 医療扶助資格確認結果リスト / 医療券・調剤券情報 (docs/OQS-MOCK.md §2.5). */
    static final String PUBLIC_EXPENSE_LIST = "PublicExpenseResultList";
    static final String MEDICAL_TICKET = "MedicalTicketInfo";

    private static void writeMedicalTicket(XmlWriter w, QualificationRecord.MedicalTicketInfo t) {
        w.open(MEDICAL_TICKET)
                .leaf("TicketType", t.ticketType())
                .leaf("MedicalTicketValidDate", t.validDate())
                .leaf("MedicalTicketExpirationDate", t.expirationDate())
                .leaf("IssueNumber", t.issueNumber())
                .leaf("MedicalTreatmentMonth", t.medicalTreatmentMonth())
                .leaf("DesignatedMedicalInstitutionCode", t.designatedInstitutionCode())
                .leaf("DesignatedMedicalInstitutionFlag", t.designatedInstitutionFlag())
                .leaf("DesignatedMedicalInstitutionName", t.designatedInstitutionName());
        for (int i = 0; i < Math.min(3, t.injuryNames().size()); i++) {
            w.leaf("InjuryName" + (i + 1), t.injuryNames().get(i));
        }
        w.leaf("MedicalTreatmentType", t.medicalTreatmentType())
                .leaf("SelfPayAmount", t.selfPayAmount())
                .leaf("DistrictContactName", t.districtContactName())
                .leaf("HandlingContactName", t.handlingContactName())
                .leaf("SingleOrCombinedUse", t.singleOrCombinedUse())
                .leaf("StatusOfSocialInsurance", t.statusOfSocialInsurance())
                .leaf("ConsistencyFlag", t.consistencyFlag())
                .leaf("StatusOfInfecton", t.statusOfInfection())
                .leaf("StatusOfElderlyMedicalCare", t.statusOfElderlyMedicalCare())
                .leaf("StatusOfPrefecturalExpenses", t.statusOfPrefecturalExpenses());
        for (int i = 0; i < Math.min(3, t.remarks().size()); i++) {
            w.leaf("Remarks" + (i + 1), t.remarks().get(i));
        }
        w.close(MEDICAL_TICKET);
    }

    private static QualificationRecord.MedicalTicketInfo readMedicalTicket(XmlNode t) throws OqsFormatException {
        List<String> injuries = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String injury = t.text("InjuryName" + i);
            if (injury != null) {
                injuries.add(injury);
            }
            String remark = t.text("Remarks" + i);
            if (remark != null) {
                remarks.add(remark);
            }
        }
        return new QualificationRecord.MedicalTicketInfo(t.text("TicketType"), t.text("MedicalTicketValidDate"),
                t.text("MedicalTicketExpirationDate"), t.text("IssueNumber"), t.text("MedicalTreatmentMonth"),
                t.text("DesignatedMedicalInstitutionCode"), t.text("DesignatedMedicalInstitutionFlag"),
                t.text("DesignatedMedicalInstitutionName"), injuries, t.text("MedicalTreatmentType"), t.text("SelfPayAmount"),
                t.text("DistrictContactName"), t.text("HandlingContactName"), t.text("SingleOrCombinedUse"),
                t.text("StatusOfSocialInsurance"), t.text("ConsistencyFlag"), t.text("StatusOfInfecton"),
                t.text("StatusOfElderlyMedicalCare"), t.text("StatusOfPrefecturalExpenses"), remarks);
    }

    /**
     * 特定疾病療養受療証情報: the service writes one {@code SpecificDiseasesCertificateList} holding an
     * {@code SpecificDiseasesCertificateInfo} per certificate (docs/OQS-MOCK.md §2.6); a list element that holds the
     * fields itself (SmartKarte's model: the list element repeated) is read as one certificate too.
     */
    private static List<QualificationRecord.SpecificDiseaseInfo> readDiseases(XmlNode q) throws OqsFormatException {
        List<QualificationRecord.SpecificDiseaseInfo> diseases = new ArrayList<>();
        for (XmlNode dl : q.all("SpecificDiseasesCertificateList")) {
            List<XmlNode> items = dl.all("SpecificDiseasesCertificateInfo");
            if (items.isEmpty() && dl.child("SpecificDiseasesDiseaseCategory").isPresent()) {
                items = List.of(dl);
            }
            for (XmlNode d : items) {
                diseases.add(new QualificationRecord.SpecificDiseaseInfo(d.text("SpecificDiseasesDiseaseCategory"),
                        d.text("SpecificDiseasesCertificateDate"), d.text("SpecificDiseasesValidStartDate"),
                        d.text("SpecificDiseasesValidEndDate"), d.text("SpecificDiseasesSelfPay")));
            }
        }
        return diseases;
    }

    private static void writeConsent(XmlWriter w, String prefix, QualificationRecord.Consent c) {
        w.leaf(prefix + "ConsFlg", c.flag()).leaf(prefix + "ConsTime", c.consTime()).leaf(prefix + "AvailableTime", c.availableTime());
    }

    private static void readConsents(XmlNode n, Map<ConsentCategory, QualificationRecord.Consent> into) throws OqsFormatException {
        for (ConsentCategory c : ConsentCategory.values()) {
            String flag = n.text(c.prefix() + "ConsFlg");
            if (flag != null) {
                if (!flag.matches("[0-3]")) {
                    throw new OqsFormatException(c.prefix() + "ConsFlg must be 0-3, got " + SegmentOfResult.quote(flag));
                }
                into.put(c, new QualificationRecord.Consent(flag, n.text(c.prefix() + "ConsTime"),
                        n.text(c.prefix() + "AvailableTime")));
            }
        }
    }

    static QualificationRecord readRecord(XmlNode q) throws OqsFormatException {
        QualificationRecord.ElderlyRecipientInfo elderly = null;
        XmlNode e = q.child("ElderlyRecipientCertificateInfo").orElse(null);
        if (e != null) {
            elderly = new QualificationRecord.ElderlyRecipientInfo(e.text("ElderlyRecipientCertificateDate"),
                    e.text("ElderlyRecipientValidStartDate"), e.text("ElderlyRecipientValidEndDate"),
                    e.text("ElderlyRecipientContributionRatio"));
        }
        QualificationRecord.LimitApplicationInfo limit = null;
        XmlNode l = q.child("LimitApplicationCertificateRelatedInfo").orElse(null);
        if (l != null) {
            limit = new QualificationRecord.LimitApplicationInfo(l.text("LimitApplicationCertificateClassification"),
                    l.text("LimitApplicationCertificateClassificationFlag"), l.text("LimitApplicationCertificateDate"),
                    l.text("LimitApplicationCertificateValidStartDate"), l.text("LimitApplicationCertificateValidEndDate"),
                    l.text("LimitApplicationCertificateLongTermDate"));
        }
        List<QualificationRecord.SpecificDiseaseInfo> diseases = readDiseases(q);
        List<QualificationRecord.MedicalTicketInfo> tickets = new ArrayList<>();
        for (XmlNode list : q.all(PUBLIC_EXPENSE_LIST)) {
            for (XmlNode t : list.all(MEDICAL_TICKET)) {
                tickets.add(readMedicalTicket(t));
            }
        }
        Map<ConsentCategory, QualificationRecord.Consent> consents = new EnumMap<>(ConsentCategory.class);
        readConsents(q, consents);
        return new QualificationRecord(
                q.requireText("InsuredCardClassification"), q.text("InsurerNumber"), q.text("InsuredCardSymbol"),
                q.text("InsuredIdentificationNumber"), q.text("InsuredBranchNumber"), q.text("PersonalFamilyClassification"),
                q.text("InsuredName"), q.requireText("Name"), q.text("NameOfOther"), q.text("NameKana"),
                q.text("NameOfOtherKana"), q.requireText("Sex1"), q.text("Sex2"), q.requireText("Birthdate"),
                q.text("Address"), q.text("PostNumber"), q.text("QualificationDate"), q.text("DisqualificationDate"),
                q.text("InsuredCertificateIssuanceDate"), q.text("InsuredCardValidDate"), q.text("InsuredCardExpirationDate"),
                q.text("InsuredPartialContributionRatio"), q.text("PreschoolClassification"), q.text("ReasonOfLoss"),
                q.requireText("InsurerName"), elderly, q.text("LimitApplicationCertificateRelatedConsFlg"),
                q.text("LimitApplicationCertificateRelatedConsTime"), limit,
                q.text("SpecificDiseasesCertificateRelatedConsFlg"), q.text("SpecificDiseasesCertificateRelatedConsTime"),
                diseases, consents, q.text("ReferenceNumber"), q.text("ArbitraryIdentifier"), tickets, readSubsidies(q));
    }

    // --- helpers --------------------------------------------------------------------------------

    static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] unbase64(String what, String text) throws OqsFormatException {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new OqsFormatException(what + " is not base64");
        }
    }
}
