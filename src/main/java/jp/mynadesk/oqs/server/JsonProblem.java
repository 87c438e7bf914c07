package jp.mynadesk.oqs.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Says in Japanese what is wrong with a simulator input file (fault plan, registry) that Jackson refused: where (the
 * field path like {@code rules[2].rate}, and the line and column for syntax errors) and what is allowed.
 *
 * <p>Nothing read from the file is repeated: Jackson's own messages quote the offending token, and a registry or a
 * mistaken file (a patient list, {@code /etc/passwd}) may hold personal data. Only words of the format itself
 * ({@link #word}) and short numbers ({@link #subject}) are shown.
 *
 * @param hints             what a field allows, by field name ({@code ""} for the whole document, {@code "name[]"} for
 *                          an element of the list {@code name}); type-based wording when absent
 * @param firstLine         the file line the JSON text starts on (2 for the header of the lines format)
 * @param locateFieldErrors whether errors about a field's value also say its line (long files)
 */
record JsonProblem(Map<String, String> hints, int firstLine, boolean locateFieldErrors) {
    private static final int MAX_WORD = 24;

    /** The explanation, starting with where: {@code rules[0].rate: …} or {@code 3 行 5 列: …}. */
    String describe(JsonProcessingException e) {
        if (cause(e, StreamConstraintsException.class) != null) {
            return at(e.getLocation()) + "JSON の入れ子が深すぎるか、値が長すぎます。";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<JsonMappingException.Reference> path = u.getPath();
            String container = path(path.subList(0, Math.max(0, path.size() - 1)));
            String name = word(u.getPropertyName(), "[A-Za-z]+");
            return (container.isEmpty() ? "" : container + ": ") + (name == null ? "名前の分からない項目" : "項目 " + name)
                    + " は使えません" + located(e) + "。使える項目は " + known(u) + " です。";
        }
        JsonParseException syntax = cause(e, JsonParseException.class);
        if (syntax != null && cause(e, InputCoercionException.class) == null) {
            // also when the mapper met it inside a field: the text is broken there, not the field's value
            String what = syntax instanceof JsonEOFException || String.valueOf(syntax.getOriginalMessage())
                    .startsWith("Unexpected end-of-input") ? "JSON が途中で終わっています" : "JSON として読めません";
            return at(syntax.getLocation()) + what + "。括弧・引用符・カンマを確かめてください。";
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m.getPath());
            String allowed = hint(m);
            String what = cause(e, InputCoercionException.class) != null ? "数値が大きすぎます"
                    : isDate(m) ? "日付として読めません" : "型が違います";
            return field + ": " + what + located(e) + "。" + allowed + particle(allowed) + "指定してください。";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("No content to map")) {
            return "中身が空です。" + document() + "にしてください。";
        }
        if (original.startsWith("Trailing token")) {
            return at(e.getLocation()) + "JSON の後に余分な内容があります。JSON は一つだけにしてください。";
        }
        if (e instanceof MismatchedInputException) {
            return "JSON の形が違います" + located(e) + "。" + document() + "にしてください。";
        }
        return at(e.getLocation()) + "JSON として読めません。括弧・引用符・カンマを確かめてください。";
    }

    /** {@code rules[2].endpoints[0]}; a field name that is not a word of the format shows as {@code ?}. */
    static String path(List<JsonMappingException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                String name = word(r.getFieldName(), "[A-Za-z]+");
                s.append(s.length() == 0 ? "" : ".").append(name == null ? "?" : name);
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** {@code value} when it is short and made only of {@code allowed} characters, else null. */
    static String word(String value, String allowed) {
        return value != null && !value.isEmpty() && value.length() <= MAX_WORD && value.matches(allowed) ? value : null;
    }

    /**
     * "1.5 は" for the number a message judges, when the user may see it again: short, and no run of nine digits
     * (an ID, a My Number); else "この値は".
     */
    static String subject(Number n) {
        String text = n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString(d.longValue())
                : String.valueOf(n);
        return text.length() <= 12 && !text.matches(".*\\d{9}.*") ? text + " は" : "この値は";
    }

    private String document() {
        return hints.getOrDefault("", "JSON オブジェクト");
    }

    /** "を", spaced after a word in Latin letters as the project writes it ("true か false を"). */
    private static String particle(String before) {
        char last = before.charAt(before.length() - 1);
        return last < 0x80 ? " を" : "を";
    }

    /** The fields the object allows, in the order of the record (the docs' order), not Jackson's hash order. */
    private static String known(UnrecognizedPropertyException u) {
        Collection<Object> ids = u.getKnownPropertyIds() == null ? List.of() : u.getKnownPropertyIds();
        Set<String> names = ids.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
        Class<?> type = u.getReferringClass();
        if (type != null && type.isRecord()) {
            List<String> ordered = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (names.remove(c.getName())) {
                    ordered.add(c.getName());
                }
            }
            ordered.addAll(names);
            return String.join(", ", ordered);
        }
        return String.join(", ", names);
    }

    private String hint(JsonMappingException m) {
        List<JsonMappingException.Reference> path = m.getPath();
        JsonMappingException.Reference last = path.get(path.size() - 1);
        String key = last.getFieldName() != null ? last.getFieldName()
                : path.size() > 1 && path.get(path.size() - 2).getFieldName() != null
                ? path.get(path.size() - 2).getFieldName() + "[]" : null;
        if (key != null && hints.containsKey(key)) {
            return hints.get(key);
        }
        Class<?> type = m instanceof MismatchedInputException mi ? mi.getTargetType()
                : cause(m, InputCoercionException.class) != null ? cause(m, InputCoercionException.class).getTargetType()
                : null;
        return typeHint(type);
    }

    private static String typeHint(Class<?> type) {
        if (type == null) {
            return "正しい型の値";
        }
        if (type == String.class) {
            return "文字列";
        }
        if (type == LocalDate.class) {
            return "日付（YYYY-MM-DD、例 2026-04-15）";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true か false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "整数";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "数値";
        }
        if (List.class.isAssignableFrom(type)) {
            return "リスト（[…]）";
        }
        return "オブジェクト（{…}）";
    }

    private static boolean isDate(JsonMappingException m) {
        return m instanceof MismatchedInputException mi && mi.getTargetType() == LocalDate.class;
    }

    private String located(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return locateFieldErrors && at != null && at.getLineNr() > 0 ? "（" + (firstLine - 1 + at.getLineNr()) + " 行目）" : "";
    }

    private String at(JsonLocation at) {
        return at == null || at.getLineNr() <= 0 ? "" : (firstLine - 1 + at.getLineNr()) + " 行 " + at.getColumnNr() + " 列: ";
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
