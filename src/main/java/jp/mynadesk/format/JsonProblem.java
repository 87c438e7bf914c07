package jp.mynadesk.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says in Japanese what is wrong with an input file that Jackson refused (a card or reader profile, a fault plan, a
 * registry): where (the field path like {@code rules[2].rate} or {@code holder.birthDate}, and the line and column for
 * syntax errors) and what is allowed.
 *
 * <p>Nothing read from the file is repeated: Jackson's own messages quote the offending token, and a profile (PINs, a
 * holder's birth date), a registry or a mistaken file ({@code /etc/passwd}) holds what must not reach a terminal or a
 * log. Only field names that are plain words ({@link #word}), short numbers ({@link #subject}) and what the user typed
 * ({@link #typed}) are shown.
 *
 * @param hints             what a field allows, by its path without indices ({@code "holder.birthDate"},
 *                          {@code "rules[].endpoints[]"}), else by its last part ({@code "rate"}, {@code "endpoints[]"}
 *                          for an element of that list; {@code ""} for the whole document); type-based wording when
 *                          absent
 * @param firstLine         the file line the JSON text starts on (2 for the header of the registry's lines format)
 * @param locateFieldErrors whether errors about a field's value also say its line (long files)
 */
public record JsonProblem(Map<String, String> hints, int firstLine, boolean locateFieldErrors) {
    private static final int MAX_WORD = 24;
    private static final int MAX_SHOWN = 200;
    /** An ID, a My Number, a phone number: never shown, wherever it came from. */
    private static final Pattern LONG_NUMBER = Pattern.compile(".*\\d{9}.*", Pattern.DOTALL);
    /** A field name worth showing: a word of letters and digits such as {@code t0}. */
    private static final String FIELD_NAME = "[A-Za-z][A-Za-z0-9]*";
    /** Jackson's message for a key that repeats ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}). */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate (?:Object property|field) '(.*)'", Pattern.DOTALL);
    private static final Pattern DIGIT_RUN = Pattern.compile("\\p{Nd}{9,}");
    private static final Pattern MISSING_CREATOR_PROPERTY = Pattern.compile("Missing (?:required )?creator property .([A-Za-z][A-Za-z0-9]*).*",
            Pattern.DOTALL);

    /** For a short document: no line on field errors, the text starting on line 1. */
    public JsonProblem(Map<String, String> hints) {
        this(hints, 1, false);
    }

    /** The explanation, starting with where: {@code holder.birthDate: …} or {@code 3 行 5 列: …}. */
    public String describe(JsonProcessingException e) {
        if (cause(e, StreamConstraintsException.class) != null) {
            return at(e.getLocation()) + "JSON の入れ子が深すぎるか、値が長すぎます。";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            List<JsonMappingException.Reference> path = u.getPath();
            String container = path(path.subList(0, Math.max(0, path.size() - 1)));
            String name = word(u.getPropertyName(), FIELD_NAME);
            return (container.isEmpty() ? "" : container + ": ") + (name == null ? "名前の分からない項目" : "項目 " + name)
                    + " は使えません" + located(e) + "。使える項目は " + known(u) + " です。";
        }
        JsonParseException syntax = cause(e, JsonParseException.class);
        Matcher duplicate = syntax == null ? null : DUPLICATE_FIELD.matcher(String.valueOf(syntax.getOriginalMessage()));
        if (duplicate != null && duplicate.matches()) {
            // STRICT_DUPLICATE_DETECTION: the second value would otherwise silently win
            String name = word(duplicate.group(1), FIELD_NAME);
            return at(syntax.getLocation()) + (name == null ? "同じ名前の項目" : "項目 " + name)
                    + " が2回書かれています。どちらの値か決められないので、1回だけにしてください。";
        }
        if (syntax != null && cause(e, InputCoercionException.class) == null) {
            // also when the mapper met it inside a field: the text is broken there, not the field's value
            String what = syntax instanceof JsonEOFException || String.valueOf(syntax.getOriginalMessage())
                    .startsWith("Unexpected end-of-input") ? "JSON が途中で終わっています" : "JSON として読めません";
            return at(syntax.getLocation()) + what + "。括弧・引用符・カンマを確かめてください。";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        var missing = MISSING_CREATOR_PROPERTY.matcher(original);
        if (e instanceof MismatchedInputException && missing.matches()) {
            // the name is the record's own, not the file's
            String field = missing.group(1);
            String allowed = hints.get(field);
            return field + ": 必須の項目がありません。" + (allowed == null ? "" : allowed + particle(allowed) + "指定してください。");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m.getPath());
            String allowed = hint(m);
            String what = cause(e, InputCoercionException.class) != null ? "数値が大きすぎます"
                    : m instanceof MismatchedInputException mi && mi.getTargetType() != null
                    && mi.getTargetType().isPrimitive() && "null".equals(tokenKind(mi)) ? "null は使えません"
                    : m instanceof MismatchedInputException mi && mi.getTargetType() == LocalDate.class ? "日付として読めません"
                    : "型が違います";
            return field + ": " + what + located(e) + "。" + allowed + particle(allowed) + "指定してください。";
        }
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

    /** "中身が null です。…" for a file that holds only {@code null}. */
    public String nullDocument() {
        return "中身が null です。" + document() + "にしてください。";
    }

    /** {@code holder.birthDate}, {@code list[2]}; a field name that is not a word of the format shows as {@code ?}. */
    public static String path(List<JsonMappingException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                String name = word(r.getFieldName(), FIELD_NAME);
                s.append(s.length() == 0 ? "" : ".").append(name == null ? "?" : name);
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** {@code value} when it is short, made only of {@code allowed} characters and without a run of nine digits. */
    public static String word(String value, String allowed) {
        return value != null && !value.isEmpty() && value.length() <= MAX_WORD && value.matches(allowed)
                && !LONG_NUMBER.matcher(value).matches() ? value : null;
    }

    /**
     * "1.5 は" for the number a message judges: short, and no run of nine digits (an ID, a My Number); else "この値は".
     */
    public static String subject(Number n) {
        String text = n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString(d.longValue())
                : String.valueOf(n);
        return text.length() <= 12 && !LONG_NUMBER.matcher(text).matches() ? text + " は" : "この値は";
    }

    /**
     * What the user typed (a profile name, a path), fit to be shown back: one line and not too long, with each run of
     * nine or more digits (an ID, a My Number) cut to "…"; null when nothing else would be left, or the text is not
     * fit, and the message then says "指定された…" instead.
     */
    public static String typed(String value) {
        if (value == null || value.length() > MAX_SHOWN || value.codePoints().anyMatch(Character::isISOControl)) {
            return null;
        }
        String shown = DIGIT_RUN.matcher(value).replaceAll("…");
        return shown.codePoints().anyMatch(Character::isLetterOrDigit) ? shown : null;
    }

    /** "ファイル x.json", or "指定されたファイル" for a path {@link #typed} would not show. */
    public static String file(Path file) {
        String shown = typed(file.toString());
        return shown == null ? "指定されたファイル" : "ファイル " + shown;
    }

    /** Why a profile file cannot be read: the exception's own text is English, or the path again. */
    public static String unreadable(Path file, IOException e) {
        String where = file(file);
        if (e instanceof NoSuchFileException) {
            return where + " がありません。JSON ファイルのパスを指定してください。";
        }
        if (e instanceof CharacterCodingException) {
            return where + " は UTF-8 のテキストとして読めません。UTF-8 で書いた JSON ファイルを指定してください。";
        }
        return where + " を読めません。ファイルであること、読み取りの権限があることを確かめてください。";
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
        String full = path(m.getPath()).replaceAll("\\[\\d+]", "[]");
        if (hints.containsKey(full)) {
            return hints.get(full);
        }
        String last = full.substring(full.lastIndexOf('.') + 1);
        if (hints.containsKey(last)) {
            return hints.get(last);
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

    /** "null" when Jackson refused a null for a primitive; the token kind is the format's word, never the value. */
    private static String tokenKind(MismatchedInputException mi) {
        String original = String.valueOf(mi.getOriginalMessage());
        return original.startsWith("Cannot map `null`") ? "null" : "";
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
