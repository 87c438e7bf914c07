package jp.mynadesk.oqs;

import jp.mynadesk.format.Coded;

/** 処理結果状況 (OQSCD004): the per-person outcome. */
public enum ProcessingResultStatus implements Coded {
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
        return Coded.find(values(), code).orElseThrow(() -> new OqsFormatException("ProcessingResultStatus must be 1 or 2, got " + SegmentOfResult.quote(code)));
    }
}
