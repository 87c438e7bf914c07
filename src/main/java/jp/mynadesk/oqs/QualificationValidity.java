package jp.mynadesk.oqs;

import jp.mynadesk.format.Coded;
import jp.mynadesk.format.Labelled;

/** 資格有効性 (OQSCD006). */
public enum QualificationValidity implements Labelled {
    /** 有効. */
    VALID("1", "有効"),
    /** 無効 (lost, no successor known). */
    INVALID("2", "無効"),
    /** 無効（新しい資格あり）. */
    INVALID_NEW_QUALIFICATION("3", "無効（新しい資格あり）"),
    /** 該当資格なし. */
    NOT_FOUND("4", "該当資格なし"),
    /** 複数該当: several ResultOfQualificationConfirmation. */
    MULTIPLE("5", "複数該当"),
    /** 有効（未登録） (医療扶助). */
    VALID_UNREGISTERED("6", "有効（未登録）");

    private final Words words;

    QualificationValidity(String code, String label) {
        this.words = new Words(code, label);
    }

    @Override
    public Words words() {
        return words;
    }

    public boolean isValid() {
        return this == VALID || this == VALID_UNREGISTERED;
    }

    public static QualificationValidity fromCode(String code) throws OqsFormatException {
        return Coded.find(values(), code).orElseThrow(() -> new OqsFormatException("QualificationValidity must be 1-6, got " + SegmentOfResult.quote(code)));
    }
}
