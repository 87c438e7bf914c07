package jp.mynadesk.oqs;

/** 処理結果状況 (OQSCD004): the per-person outcome. */
public enum ProcessingResultStatus {
    /** 正常終了. */
    NORMAL("1"),
    /** エラー: ProcessingResultCode / ProcessingResultMessage say why. */
    ERROR("2");

    private final String code;

    ProcessingResultStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ProcessingResultStatus fromCode(String code) throws OqsFormatException {
        for (ProcessingResultStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new OqsFormatException("ProcessingResultStatus must be 1 or 2, got " + SegmentOfResult.quote(code));
    }
}
