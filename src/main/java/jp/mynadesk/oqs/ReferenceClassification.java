package jp.mynadesk.oqs;

import jp.mynadesk.format.Coded;

/** 照会区分 (OQSCD002). */
public enum ReferenceClassification implements Coded {
    /** マイナンバーカード. */
    CARD("1"),
    /** 被保険者証情報 (記号・番号). */
    NUMBERS("2");

    private final String code;

    ReferenceClassification(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ReferenceClassification fromCode(String code) throws OqsFormatException {
        return Coded.find(values(), code).orElseThrow(() -> new OqsFormatException("ReferenceClassification must be 1 or 2, got " + SegmentOfResult.quote(code)));
    }
}
