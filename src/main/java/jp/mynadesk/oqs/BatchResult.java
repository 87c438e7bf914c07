package jp.mynadesk.oqs;

import java.util.List;

/**
 * 資格確認一括照会結果 ({@code OQSmuquc02res}). While the service is still working, {@code header.segmentOfResult()} is
 * {@link SegmentOfResult#PROCESSING} and there are no units: send the download request again later.
 */
public record BatchResult(
        MessageHeader header,
        String receptionNumber,
        String numberOfProcessingResult,
        String numberOfNormalProcessing,
        String numberOfError,
        List<BulkConfirmUnit> units) {

    public BatchResult {
        units = units == null ? List.of() : List.copyOf(units);
    }

    public boolean processing() {
        return header.segmentOfResult() == SegmentOfResult.PROCESSING;
    }

    /** One queried person's result in a batch. */
    public record BulkConfirmUnit(
            QualificationSearchInfo searchInfo,
            ProcessingResultStatus processingResultStatus,
            String processingResultCode,
            String processingResultMessage,
            QualificationValidity qualificationValidity,
            List<QualificationRecord> results,
            String referenceNumber) {

        public BulkConfirmUnit {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }
}
