package jp.mynadesk.desk;

/**
 * ● in a name from the service: a character the 中間サーバー cannot handle (外字, some 異体字) was replaced by ● where the
 * insurer registered it (docs/OQS-MOCK.md "● in names"). The desk says so calmly and never matches patients on names.
 */
public final class UnshownCharacters {
    /** U+25CF BLACK CIRCLE, as the service sends it. */
    public static final char MARK = '●';

    private UnshownCharacters() {}

    public static boolean in(String name) {
        return name != null && name.indexOf(MARK) >= 0;
    }
}
