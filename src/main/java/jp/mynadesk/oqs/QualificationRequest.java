package jp.mynadesk.oqs;

/** A 資格確認 request by numbers ({@code OQSsiquc01req}, 照会区分 2). */
public record QualificationRequest(
        String qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        QualificationSearchInfo searchInfo) {}
