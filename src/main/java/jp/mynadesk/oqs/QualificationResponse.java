package jp.mynadesk.oqs;

import java.util.List;

/**
 * A 資格確認 result ({@code OQSsiquc01res}, also the face-folder file). {@link SegmentOfResult} (file),
 * {@link ProcessingResultStatus} (person) and {@link QualificationValidity} are separate on purpose: a file can be
 * processed normally for a person whose qualification is invalid.
 *
 * @param processingResultCode set on error, and also on success with 付帯情報 (e.g. the certificate expiry warning)
 */
public record QualificationResponse(
        MessageHeader header,
        ProcessingResultStatus processingResultStatus,
        String processingResultCode,
        String processingResultMessage,
        QualificationValidity qualificationValidity,
        String prescriptionIssueSelect,
        QualificationSearchInfo searchInfo,
        List<QualificationRecord> results) {

    public QualificationResponse {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** The service confirmed exactly one valid qualification (myclinic's predicate, docs/OQS-MOCK.md §2.2). */
    public boolean confirmed() {
        return header.segmentOfResult() == SegmentOfResult.NORMAL
                && processingResultStatus == ProcessingResultStatus.NORMAL
                && qualificationValidity != null && qualificationValidity.isValid()
                && results.size() == 1;
    }
}
