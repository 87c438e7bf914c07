package jp.mynadesk.oqs;

/**
 * The mock service's ErrorCode (file level, SegmentOfResult 9) and ProcessingResultCode values. The official codes
 * (別紙6-1) are not public (docs/OQS-MOCK.md §3); these are the mock's own, stable so the desk and tests can branch on them.
 */
public final class OqsErrorCodes {
    private OqsErrorCodes() {}

    /** 要求電文の形式誤り. */
    public static final String MALFORMED_REQUEST = "EM0001";
    /** 医療機関コード誤り (not 10 digits). */
    public static final String BAD_INSTITUTION = "EM0002";
    /** チャレンジ不明または使用済み. */
    public static final String CHALLENGE_UNKNOWN = "EC1001";
    /** チャレンジ有効期限切れ. */
    public static final String CHALLENGE_EXPIRED = "EC1002";
    /** 電子証明書の形式誤り. */
    public static final String CERT_MALFORMED = "EC1101";
    /** 電子証明書の発行者が不正. */
    public static final String CERT_WRONG_ISSUER = "EC1102";
    /** 電子証明書失効. */
    public static final String CERT_REVOKED = "EC1103";
    /** 電子証明書の有効期限切れ（猶予期間経過）. */
    public static final String CERT_EXPIRED = "EC1104";
    /** 電子証明書の有効期間開始前. */
    public static final String CERT_NOT_YET_VALID = "EC1105";
    /** 電子証明書の鍵用途が不正. */
    public static final String CERT_KEY_USAGE = "EC1106";
    /** 署名検証エラー (forged card). */
    public static final String SIGNATURE_INVALID = "EC1107";
    /** 目視確認が許可されていない端末. */
    public static final String VISUAL_NOT_ALLOWED = "EC1201";
    /** 目視確認者が未入力. */
    public static final String VISUAL_NO_STAFF = "EC1202";
    /** 保険証利用登録なし (card not linked to anyone). */
    public static final String CARD_NOT_REGISTERED = "EC1301";
    /** 同意登録: no card check at this institution shortly before. */
    public static final String CONSENT_NO_CARD_CHECK = "EC1401";
    /** 同意登録: certificate in grace, information sharing not available. */
    public static final String CONSENT_NOT_AVAILABLE = "EC1402";
    /** 受付番号が存在しない. */
    public static final String BATCH_UNKNOWN = "EB2001";
    /** 一括照会の照会対象なし. */
    public static final String BATCH_EMPTY = "EB2002";
    /** More than {@link BatchRequest#MAX_PEOPLE} people in one batch. */
    public static final String BATCH_TOO_LARGE = "EB2003";
    /** 入力項目誤り (per person, ProcessingResultStatus 2). */
    public static final String BAD_SEARCH_INFO = "EP3001";
    /** システムエラー (fault injection). */
    public static final String SYSTEM_ERROR = "ES9001";

    /** ProcessingResultCode on success: 電子証明書の有効期限3か月前. */
    public static final String WARN_CERT_EXPIRING = "W0101";
    /** ProcessingResultCode on success: 電子証明書の有効期限切れ（猶予期間中、資格情報のみ）. */
    public static final String WARN_CERT_IN_GRACE = "W0102";
}
