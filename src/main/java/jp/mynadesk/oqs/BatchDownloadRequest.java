package jp.mynadesk.oqs;

/** 資格確認一括照会ダウンロード要求 ({@code OQSmuquc02req}). */
public record BatchDownloadRequest(String medicalInstitutionCode, String arbitraryFileIdentifier, String receptionNumber,
                                   String characterCodeIdentifier) {

    public BatchDownloadRequest(String medicalInstitutionCode, String arbitraryFileIdentifier, String receptionNumber) {
        this(medicalInstitutionCode, arbitraryFileIdentifier, receptionNumber, null);
    }
}
