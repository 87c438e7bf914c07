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

    /**
     * Upper bounds of one person's unit in the XML answer, with room to spare over the largest built-in person
     * (限度額 and 特定疾病 information); BatchLimitsTest checks that person stays within them.
     */
    public static final int MAX_BYTES_PER_PERSON = 8 * 1024;
    public static final int MAX_ELEMENTS_PER_PERSON = 200;

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
