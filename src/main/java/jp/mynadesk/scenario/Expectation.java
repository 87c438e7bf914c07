package jp.mynadesk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Matches a partial document (an {@code expect:}) against the actual JSON: every given key must be present and
 * equal; objects compare recursively; numbers numerically; a list under {@code warnings} or {@code discrepancies}
 * must be contained in the actual one (each element found by its {@code code} / {@code kind}, then compared
 * partially); any other list must match element by element.
 */
final class Expectation {
    /** The keys of lists that are matched by containment, and the key each element is found by. */
    private static final Map<String, String> CONTAINED = Map.of("warnings", "code", "discrepancies", "kind");

    private Expectation() {}

    /** The mismatches, one line each ({@code path: 期待 x、実際 y}); empty when it matches. */
    static List<String> mismatches(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        match("", expected, actual, out);
        return out;
    }

    private static void match(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                out.add(where(path) + "期待 " + expected + "、実際 " + show(actual));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (!actual.has(e.getKey())) {
                    out.add(p + ": 結果にこのキーがありません（期待 " + e.getValue() + "）");
                } else if (CONTAINED.containsKey(e.getKey()) && e.getValue().isArray()) {
                    contained(p, CONTAINED.get(e.getKey()), e.getValue(), actual.get(e.getKey()), out);
                } else {
                    match(p, e.getValue(), actual.get(e.getKey()), out);
                }
            }
        } else if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                out.add(where(path) + "期待 " + expected + "、実際 " + show(actual));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                match(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (!scalarEquals(expected, actual)) {
            out.add(where(path) + "期待 " + expected + "、実際 " + show(actual));
        }
    }

    private static void contained(String path, String by, JsonNode expected, JsonNode actual, List<String> out) {
        if (!actual.isArray()) {
            out.add(path + ": 期待 リスト、実際 " + show(actual));
            return;
        }
        for (JsonNode want : expected) {
            JsonNode key = want.isObject() ? want.get(by) : want;
            JsonNode found = null;
            for (JsonNode a : actual) {
                if (key != null && scalarEquals(key, a.get(by))) {
                    found = a;
                    break;
                }
            }
            if (found == null) {
                out.add(path + ": " + by + " が " + show(key) + " のものがありません（実際 " + actual + "）");
            } else if (want.isObject()) {
                match(path + "[" + by + "=" + key.asText() + "]", want, found, out);
            }
        }
    }

    private static boolean scalarEquals(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isNull() || actual.isNull()) {
            return expected.isNull() && actual.isNull();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isTextual() && actual.isTextual()) {
            return expected.asText().equals(actual.asText()) || sameInstant(expected.asText(), actual.asText());
        }
        if (expected.isBoolean() && actual.isBoolean()) {
            return expected.booleanValue() == actual.booleanValue();
        }
        return false;
    }

    /** 2026-12-02T09:30+09:00 and 2026-12-02T09:30:00+09:00 are the same moment: QA may write either. */
    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a).isEqual(OffsetDateTime.parse(b));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String show(JsonNode n) {
        return n == null ? "（なし）" : n.toString();
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }
}
