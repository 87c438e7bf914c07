package jp.mynadesk.documents;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.text.SafeText;

/**
 * One document as JSON (the objects in {@code documents} of docs/RULES.md §4). Reading checks types and says the field's
 * path; content problems (a 7-digit insurer number, 2025-02-30) are kept for the rules to report. Unknown fields
 * are refused (a misspelt {@code validUntill} must not silently count as missing); My Number fields are dropped
 * before that check, so they are never echoed.
 */
public final class DocumentJson {
    private DocumentJson() {}

    static final Set<String> DATE_FIELDS = Set.of("birthDate", "acquiredOn", "issuedOn", "validFrom", "validUntil", "lostOn");
    static final Set<String> FIELDS = Set.of("kind", "insurerNumber", "insurerName", "symbol", "number", "branch", "name",
            "birthDate", "sex", "acquiredOn", "issuedOn", "validFrom", "validUntil", "lostOn");

    /** Parses {@code text} (from {@code source}, e.g. a file name) or explains where it is broken. */
    public static JsonNode parse(String text, String source) throws DocumentInputException {
        if (text.isBlank()) {
            throw new DocumentInputException(source + " が空です。JSON を指定してください（形式は docs/QR-PAYLOAD.md と docs/RULES.md §4 を参照）。");
        }
        try (JsonParser p = JsonText.FACTORY.createParser(text)) {
            JsonNode node = JsonText.readValue(p);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new DocumentInputException(source + " の " + at.getLineNr() + " 行 " + at.getColumnNr()
                        + " 列: JSON の後に余分な内容があります。JSON 文書は一つだけにしてください。");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new DocumentInputException(source + ": JSON の入れ子が深すぎるか、値が長すぎます（入れ子は 1,000 段まで）。"
                    + "書類の JSON を確かめてください。", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " の " + at.getLineNr() + " 行 " + at.getColumnNr() + " 列";
            throw new DocumentInputException(source + where + ": JSON として読めません（" + quietly(e.getOriginalMessage())
                    + "）。括弧・引用符・カンマを確かめて直してください。", e);
        } catch (IOException e) {
            throw new DocumentInputException(source + " を読めません: " + e.getMessage(), e);
        }
    }

    public static PresentedDocument read(JsonNode node, String path) throws DocumentInputException {
        if (node == null || !node.isObject()) {
            throw new DocumentInputException(path + ": 書類はオブジェクト（{...}）で指定してください。"
                    + (node == null ? "" : describe(node) + " が入っています。"));
        }
        ObjectNode doc = withoutMyNumber((ObjectNode) node);
        KnownFields.require(doc, FIELDS, path);
        String kindCode = string(doc, "kind", path);
        if (kindCode == null) {
            throw new DocumentInputException(path + ".kind: 書類の種類がありません。" + DocumentKind.knownCodes() + " のいずれかを指定してください。");
        }
        DocumentKind kind = DocumentKind.ofCode(kindCode).orElseThrow(() -> new DocumentInputException(path
                + ".kind: 書類の種類 \"" + shown(kindCode) + "\" は分かりません。" + DocumentKind.knownCodes() + " のいずれかを指定してください。"));
        String sexText = string(doc, "sex", path);
        Sex sex = null;
        if (sexText != null) {
            sex = Sex.parse(sexText).orElseThrow(() -> new DocumentInputException(path + ".sex: 性別 \"" + shown(sexText)
                    + "\" は分かりません。male（男）か female（女）を指定してください。"));
        }
        return PresentedDocument.builder(kind)
                .insurerNumber(string(doc, "insurerNumber", path))
                .insurerName(string(doc, "insurerName", path))
                .symbol(string(doc, "symbol", path))
                .number(string(doc, "number", path))
                .branch(string(doc, "branch", path))
                .name(string(doc, "name", path))
                .birthDate(string(doc, "birthDate", path))
                .sex(sex)
                .acquiredOn(string(doc, "acquiredOn", path))
                .issuedOn(string(doc, "issuedOn", path))
                .validFrom(string(doc, "validFrom", path))
                .validUntil(string(doc, "validUntil", path))
                .lostOn(string(doc, "lostOn", path))
                .build();
    }

    /** The document as JSON; absent fields are left out so a scanned document equals what was rendered. */
    public static ObjectNode write(PresentedDocument d) {
        ObjectNode n = JsonText.object();
        n.put("kind", d.kind().code());
        putIfPresent(n, "insurerNumber", d.insurerNumber());
        putIfPresent(n, "insurerName", d.insurerName());
        putIfPresent(n, "symbol", d.symbol());
        putIfPresent(n, "number", d.number());
        putIfPresent(n, "branch", d.branch());
        putIfPresent(n, "name", d.name());
        putIfPresent(n, "birthDate", d.birthDate().text());
        putIfPresent(n, "sex", d.sex() == null ? null : d.sex().code());
        putIfPresent(n, "acquiredOn", d.acquiredOn().text());
        putIfPresent(n, "issuedOn", d.issuedOn().text());
        putIfPresent(n, "validFrom", d.validFrom().text());
        putIfPresent(n, "validUntil", d.validUntil().text());
        putIfPresent(n, "lostOn", d.lostOn().text());
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    /** A copy without any field that could hold a My Number, at any depth. */
    public static ObjectNode withoutMyNumber(ObjectNode in) {
        ObjectNode out = in.deepCopy();
        strip(out);
        return out;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (MyNumberFields.isMyNumberField(e.getKey())) {
                    it.remove();
                } else {
                    strip(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(DocumentJson::strip);
        }
    }

    /** A text field: absent or null is null; any other type is an input error naming the path. */
    static String string(ObjectNode doc, String field, String path) throws DocumentInputException {
        JsonNode v = doc.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            String hint = DATE_FIELDS.contains(field) ? "\"YYYY-MM-DD\" の形の文字列" : "文字列（\"...\"）";
            throw new DocumentInputException(path + "." + field + ": " + hint + "で指定してください。" + describe(v)
                    + " が入っています" + (v.isNumber() ? "（数値にすると先頭の 0 が消えるため、番号は文字列で書きます）" : "") + "。");
        }
        return v.textValue();
    }

    /**
     * A typed value fit for a message: runs of 9 or more digits (a My Number has 12; insurer numbers have at most 8)
     * are replaced by their length, so a My Number typed into the wrong field is never repeated back.
     */
    public static String shown(String typed) {
        return SafeText.line(LONG_DIGITS.matcher(typed).replaceAll(m -> "（" + m.group().length() + " 桁の数字）"));
    }

    private static final java.util.regex.Pattern LONG_DIGITS = java.util.regex.Pattern.compile("[0-9０-９]{9,}");

    public static String describe(JsonNode v) {
        JsonNodeType t = v.getNodeType();
        return switch (t) {
            case NUMBER -> "数値"; // never the value itself: a number field may hold a My Number
            case BOOLEAN -> "真偽値 " + v.asText();
            case ARRAY -> "配列";
            case OBJECT -> "オブジェクト";
            case STRING -> "文字列";
            default -> Optional.ofNullable(t.name()).orElse("値").toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Jackson quotes the offending token; drop it so no input value (possibly a My Number) is echoed. */
    private static String quietly(String message) {
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        return firstLine.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }
}
