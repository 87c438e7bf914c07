package jp.mynadesk.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Refuses a JSON object's unknown keys, naming the path and the nearest known key: a typo such as
 * {@code validUntill} would otherwise be ignored and the document judged as if the field were missing.
 */
public final class KnownFields {
    private KnownFields() {}

    public static void require(JsonNode object, Set<String> known, String path) throws DocumentInputException {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                String nearest = nearest(name, known);
                throw new DocumentInputException((path.isEmpty() ? "" : path + ".") + name + ": この項目は使えません。"
                        + (nearest == null ? "" : "「" + nearest + "」の書き間違いではありませんか。")
                        + "使える項目: " + String.join(", ", new java.util.TreeSet<>(known)) + "。");
            }
        }
    }

    /** The known key within edit distance 2 (case ignored), if any. */
    static String nearest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
