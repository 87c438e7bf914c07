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

    /**
     * The units as one per queried person, in upload order: the service answers with one
     * {@code ResultOfQualificationConfirmation} per {@code BulkConfirmUnit} (docs/OQS-MOCK.md §2.3), so a person with
     * several matching qualifications (複数該当) comes as consecutive units with the same search information; they are
     * joined here into one unit holding every result.
     */
    public List<BulkConfirmUnit> perPerson() {
        List<BulkConfirmUnit> out = new java.util.ArrayList<>();
        for (BulkConfirmUnit u : units) {
            BulkConfirmUnit last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && u.qualificationValidity() == QualificationValidity.MULTIPLE
                    && last.qualificationValidity() == QualificationValidity.MULTIPLE
                    && java.util.Objects.equals(last.searchInfo(), u.searchInfo())) {
                List<QualificationRecord> joined = new java.util.ArrayList<>(last.results());
                joined.addAll(u.results());
                out.set(out.size() - 1, new BulkConfirmUnit(last.searchInfo(), last.processingResultStatus(),
                        last.processingResultCode(), last.processingResultMessage(), last.qualificationValidity(), joined,
                        last.referenceNumber()));
            } else {
                out.add(u);
            }
        }
        return out;
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
