package jp.mynadesk.card;

/** Status words the My Number card answers (docs/CARD.md §3.7). Status words are data, not exceptions. */
public final class StatusWord {
    private StatusWord() {}

    public static final int OK = 0x9000;
    /** 63Cx: wrong PIN, x tries left; also the answer to the empty VERIFY (retry query). */
    public static final int COUNTER_BASE = 0x63C0;
    public static final int WRONG_NO_COUNTER = 0x6300;
    public static final int WRONG_LENGTH = 0x6700;
    public static final int SM_NOT_SUPPORTED = 0x6882;
    public static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    /** VERIFY on a PIN that is already blocked. */
    public static final int PIN_BLOCKED = 0x6984;
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    public static final int COMMAND_NOT_ALLOWED = 0x6986;
    public static final int SM_CLA_REFUSED = 0x69FC;
    public static final int WRONG_DATA = 0x6A80;
    /** Referenced data not found: here, a PIN that was never set (顔認証マイナンバーカード; a modelling choice). */
    public static final int REFERENCE_DATA_NOT_FOUND = 0x6A88;
    public static final int FILE_NOT_FOUND = 0x6A82;
    public static final int INCORRECT_P1P2 = 0x6A86;
    public static final int WRONG_P1P2 = 0x6B00;
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    public static final int NO_PRECISE_DIAGNOSIS = 0x6F00;

    /** True for 63Cx. */
    public static boolean isCounter(int sw) {
        return (sw & 0xFFF0) == COUNTER_BASE;
    }

    /** The x of 63Cx. */
    public static int triesLeft(int sw) {
        return sw & 0x0F;
    }

    public static String hex(int sw) {
        return String.format("%04X", sw & 0xFFFF);
    }
}
