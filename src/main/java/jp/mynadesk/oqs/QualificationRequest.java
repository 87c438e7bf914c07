package jp.mynadesk.oqs;

/**
 * A 資格確認 request by numbers ({@code OQSsiquc01req}, 照会区分 2).
 *
 * @param characterCodeIdentifier the code the answer is to be written in ({@link CharacterCode}); null = UTF-8
 */
public record QualificationRequest(
        String qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        QualificationSearchInfo searchInfo,
        String characterCodeIdentifier) {

    public QualificationRequest(String qualificationConfirmationDate, String medicalInstitutionCode,
                                String arbitraryFileIdentifier, QualificationSearchInfo searchInfo) {
        this(qualificationConfirmationDate, medicalInstitutionCode, arbitraryFileIdentifier, searchInfo, null);
    }
}
