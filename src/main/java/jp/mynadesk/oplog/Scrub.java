package jp.mynadesk.oplog;

/**
 * Masks digit runs in text we did not write ourselves before it reaches the operations log (exception messages and
 * stack traces, a failure's description): a run of 6 digits or more (a My Number, an insurer number, a 記号・番号)
 * becomes {@code [数字N桁]}. Full-width digits count as digits. The log's own lines (paths, reader names, settings)
 * are not masked: they are written to hold no personal data. Names and dates cannot be recognised this way, which is
 * why nothing the desk logs is built from a patient's data (docs/CLINIC.md, "The operations log").
 */
final class Scrub {
    /** Exception messages, stack traces and other text from elsewhere. */
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
