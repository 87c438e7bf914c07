package jp.mynadesk.oqs;

import java.util.List;
import java.util.Map;

/**
 * One {@code ResultOfQualificationConfirmation} (docs/OQS-MOCK.md §2.2): the insurance qualification as the service returns it.
 * Values are strings exactly as on the wire (codes from the OQSCD tables, dates yyyyMMdd, ratios "030", kana
 * half-width, 国保 insurer numbers space-padded to 8). There is deliberately no field for the 個人番号.
 */
public record QualificationRecord(
        String insuredCardClassification,
        String insurerNumber,
        String insuredCardSymbol,
        String insuredIdentificationNumber,
        String insuredBranchNumber,
        String personalFamilyClassification,
        String insuredName,
        String name,
        String nameOfOther,
        String nameKana,
        String nameOfOtherKana,
        String sex1,
        String sex2,
        String birthdate,
        String address,
        String postNumber,
        String qualificationDate,
        String disqualificationDate,
        String insuredCertificateIssuanceDate,
        String insuredCardValidDate,
        String insuredCardExpirationDate,
        String insuredPartialContributionRatio,
        String preschoolClassification,
        String reasonOfLoss,
        String insurerName,
        ElderlyRecipientInfo elderlyRecipient,
        String limitApplicationCertificateRelatedConsFlg,
        String limitApplicationCertificateRelatedConsTime,
        LimitApplicationInfo limitApplication,
        String specificDiseasesCertificateRelatedConsFlg,
        String specificDiseasesCertificateRelatedConsTime,
        List<SpecificDiseaseInfo> specificDiseases,
        Map<ConsentCategory, Consent> consents,
        String referenceNumber,
        String arbitraryIdentifier,
        List<MedicalTicketInfo> medicalTickets,
        List<MedicalSubsidyInfo> medicalSubsidies) {

    public QualificationRecord {
        specificDiseases = specificDiseases == null ? List.of() : List.copyOf(specificDiseases);
        consents = consents == null ? Map.of() : Map.copyOf(consents);
        medicalTickets = medicalTickets == null ? List.of() : List.copyOf(medicalTickets);
        medicalSubsidies = medicalSubsidies == null ? List.of() : List.copyOf(medicalSubsidies);
    }

    /** A record without 医療券 (every insurance but 医療扶助). */
    public QualificationRecord(String insuredCardClassification, String insurerNumber, String insuredCardSymbol,
                               String insuredIdentificationNumber, String insuredBranchNumber,
                               String personalFamilyClassification, String insuredName, String name, String nameOfOther,
                               String nameKana, String nameOfOtherKana, String sex1, String sex2, String birthdate,
                               String address, String postNumber, String qualificationDate, String disqualificationDate,
                               String insuredCertificateIssuanceDate, String insuredCardValidDate,
                               String insuredCardExpirationDate, String insuredPartialContributionRatio,
                               String preschoolClassification, String reasonOfLoss, String insurerName,
                               ElderlyRecipientInfo elderlyRecipient, String limitApplicationCertificateRelatedConsFlg,
                               String limitApplicationCertificateRelatedConsTime, LimitApplicationInfo limitApplication,
                               String specificDiseasesCertificateRelatedConsFlg,
                               String specificDiseasesCertificateRelatedConsTime, List<SpecificDiseaseInfo> specificDiseases,
                               Map<ConsentCategory, Consent> consents, String referenceNumber, String arbitraryIdentifier) {
        this(insuredCardClassification, insurerNumber, insuredCardSymbol, insuredIdentificationNumber, insuredBranchNumber,
                personalFamilyClassification, insuredName, name, nameOfOther, nameKana, nameOfOtherKana, sex1, sex2,
                birthdate, address, postNumber, qualificationDate, disqualificationDate, insuredCertificateIssuanceDate,
                insuredCardValidDate, insuredCardExpirationDate, insuredPartialContributionRatio, preschoolClassification,
                reasonOfLoss, insurerName, elderlyRecipient, limitApplicationCertificateRelatedConsFlg,
                limitApplicationCertificateRelatedConsTime, limitApplication, specificDiseasesCertificateRelatedConsFlg,
                specificDiseasesCertificateRelatedConsTime, specificDiseases, consents, referenceNumber, arbitraryIdentifier,
                List.of(), List.of());
    }

    /** A record with 医療券 and without 医療費助成 受給者証. */
    public QualificationRecord(String insuredCardClassification, String insurerNumber, String insuredCardSymbol,
            String insuredIdentificationNumber, String insuredBranchNumber, String personalFamilyClassification,
            String insuredName, String name, String nameOfOther, String nameKana, String nameOfOtherKana, String sex1,
            String sex2, String birthdate, String address, String postNumber, String qualificationDate,
            String disqualificationDate, String insuredCertificateIssuanceDate, String insuredCardValidDate,
            String insuredCardExpirationDate, String insuredPartialContributionRatio, String preschoolClassification,
            String reasonOfLoss, String insurerName, ElderlyRecipientInfo elderlyRecipient,
            String limitApplicationCertificateRelatedConsFlg, String limitApplicationCertificateRelatedConsTime,
            LimitApplicationInfo limitApplication, String specificDiseasesCertificateRelatedConsFlg,
            String specificDiseasesCertificateRelatedConsTime, List<SpecificDiseaseInfo> specificDiseases,
            Map<ConsentCategory, Consent> consents, String referenceNumber, String arbitraryIdentifier,
            List<MedicalTicketInfo> medicalTickets) {
        this(insuredCardClassification, insurerNumber, insuredCardSymbol, insuredIdentificationNumber,
                insuredBranchNumber, personalFamilyClassification, insuredName, name, nameOfOther, nameKana,
                nameOfOtherKana, sex1, sex2, birthdate, address, postNumber, qualificationDate, disqualificationDate,
                insuredCertificateIssuanceDate, insuredCardValidDate, insuredCardExpirationDate,
                insuredPartialContributionRatio, preschoolClassification, reasonOfLoss, insurerName, elderlyRecipient,
                limitApplicationCertificateRelatedConsFlg, limitApplicationCertificateRelatedConsTime, limitApplication,
                specificDiseasesCertificateRelatedConsFlg, specificDiseasesCertificateRelatedConsTime, specificDiseases,
                consents, referenceNumber, arbitraryIdentifier, medicalTickets, List.of());
    }

    /** The same record carrying these 医療費助成 受給者証 (PMH). */
    public QualificationRecord withMedicalSubsidies(List<MedicalSubsidyInfo> subsidies) {
        return new QualificationRecord(insuredCardClassification, insurerNumber, insuredCardSymbol,
                insuredIdentificationNumber, insuredBranchNumber, personalFamilyClassification, insuredName, name,
                nameOfOther, nameKana, nameOfOtherKana, sex1, sex2, birthdate, address, postNumber, qualificationDate,
                disqualificationDate, insuredCertificateIssuanceDate, insuredCardValidDate, insuredCardExpirationDate,
                insuredPartialContributionRatio, preschoolClassification, reasonOfLoss, insurerName, elderlyRecipient,
                limitApplicationCertificateRelatedConsFlg, limitApplicationCertificateRelatedConsTime, limitApplication,
                specificDiseasesCertificateRelatedConsFlg, specificDiseasesCertificateRelatedConsTime, specificDiseases,
                consents, referenceNumber, arbitraryIdentifier, medicalTickets, subsidies);
    }

    /** 高齢受給者証情報 (70–74). */
    public record ElderlyRecipientInfo(String certificateDate, String validStartDate, String validEndDate,
                                       String contributionRatio) {}

    /** 限度額適用認定証関連情報. */
    public record LimitApplicationInfo(String classification, String classificationFlag, String certificateDate,
                                       String validStartDate, String validEndDate, String longTermDate) {}

    /** 特定疾病療養受療証情報. */
    public record SpecificDiseaseInfo(String diseaseCategory, String certificateDate, String validStartDate,
                                      String validEndDate, String selfPay) {}

    /**
     * 医療券・調剤券情報 ({@code PublicExpenseResultList/MedicalTicketInfo}, docs/OQS-MOCK.md §2.5), 医療扶助 only.
     * Values as on the wire: ticketType OQSCD018, dates yyyyMMdd, medicalTreatmentMonth yyyyMM, treatment type
     * OQSCD019, designatedInstitutionFlag OQSCD026, singleOrCombinedUse OQSCD020, the status fields OQSCD021–025.
     */
    public record MedicalTicketInfo(String ticketType, String validDate, String expirationDate, String issueNumber,
                                    String medicalTreatmentMonth, String designatedInstitutionCode,
                                    String designatedInstitutionFlag, String designatedInstitutionName,
                                    List<String> injuryNames, String medicalTreatmentType, String selfPayAmount,
                                    String districtContactName, String handlingContactName, String singleOrCombinedUse,
                                    String statusOfSocialInsurance, String consistencyFlag, String statusOfInfection,
                                    String statusOfElderlyMedicalCare, String statusOfPrefecturalExpenses,
                                    List<String> remarks) {
        public MedicalTicketInfo {
            injuryNames = injuryNames == null ? List.of() : List.copyOf(injuryNames);
            remarks = remarks == null ? List.of() : List.copyOf(remarks);
        }
    }

    /**
     * One 医療費助成 受給者証 through the card (PMH, docs/OQS-MOCK.md "医療費助成 (PMH)"): {@code publicExpenseNumber}
     * 公費負担者番号 and {@code beneficiaryNumber} 受給者番号 (element names as public models of the 公費 answer use them),
     * the 制度's name and its validity (element names assumed).
     */
    public record MedicalSubsidyInfo(String name, String publicExpenseNumber, String beneficiaryNumber,
                                     String validStartDate, String validEndDate) {}

    /** One consent: flag (OQSCD016), 同意日時 and 閲覧有効期限 (yyyyMMddHHmmss). */
    public record Consent(String flag, String consTime, String availableTime) {}
}
