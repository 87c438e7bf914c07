package jp.mynadesk.oqs;

/**
 * {@code MessageHeader} of a result file (docs/OQS-MOCK.md §2.2). Every value is the string as it travels; absent elements are
 * null. {@code segmentOfResult} is typed because every reader must branch on it.
 *
 * @param processExecutionTime          処理実行日時 yyyyMMddHHmmss
 * @param qualificationConfirmationDate 資格確認日 yyyyMMdd
 * @param medicalInstitutionCode        医療機関コード (10 digits)
 * @param arbitraryFileIdentifier       echoed from the request
 * @param referenceClassification       照会区分 (OQSCD002), null for batch files
 * @param errorCode                     only when segmentOfResult ≠ NORMAL
 * @param characterCodeIdentifier       OQSCD005: "0" UTF-8, "1" Shift_JIS
 */
public record MessageHeader(
        String processExecutionTime,
        String qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        ReferenceClassification referenceClassification,
        SegmentOfResult segmentOfResult,
        String errorCode,
        String errorMessage,
        String characterCodeIdentifier) {

    public static final String UTF_8 = "0";
}
