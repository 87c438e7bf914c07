package jp.mynadesk.oplog;

/**
 * Masks long digit runs before text reaches the operations log. The log's own lines are written to hold no personal
 * data; this is the net under them, for text we do not write ourselves (exception messages and stack traces): a
 * 12-digit My Number, and in exception text also insurer and 記号・番号 digit runs (6 digits or more), become
 * {@code [数字N桁]}. Full-width digits count as digits. Names and dates cannot be recognised this way, which is why
 * nothing the desk logs is built from a patient's data (docs/CLINIC.md §The operations log).
 */
final class Scrub {
    /** Our own lines: 11 or more digits (a 10-digit 医療機関コード stays readable). */
    static final int OWN_TEXT = 11;
    /** Exception messages and stack traces. */
    static final int FOREIGN_TEXT = 6;

    private Scrub() {}

    static String digits(String text, int atLeast) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isDigit(text.charAt(i))) {
                if (out != null) {
                    out.append(text.charAt(i));
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isDigit(text.charAt(end))) {
                end++;
            }
            int run = end - i;
            if (run >= atLeast) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append("[数字").append(run).append("桁]");
            } else if (out != null) {
                out.append(text, i, end);
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }
}
