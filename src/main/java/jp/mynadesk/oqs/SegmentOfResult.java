package jp.mynadesk.oqs;

import jp.mynadesk.format.Coded;

/** 処理結果区分 (OQSCD003): the file-level outcome, separate from the per-person {@link ProcessingResultStatus}. */
public enum SegmentOfResult implements Coded {
    /** 正常終了. */
    NORMAL("1"),
    /** 処理中 (batch results not ready: ask again). */
    PROCESSING("2"),
    /** 異常終了 (ErrorCode / ErrorMessage say why). */
    ABNORMAL("9");

    private final String code;

    SegmentOfResult(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SegmentOfResult fromCode(String code) throws OqsFormatException {
        return Coded.find(values(), code).orElseThrow(() -> new OqsFormatException("SegmentOfResult must be 1, 2 or 9, got " + quote(code)));
    }

    static String quote(String s) {
        return s == null ? "nothing" : "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
}
