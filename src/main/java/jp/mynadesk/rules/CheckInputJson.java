package jp.mynadesk.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.mynadesk.format.Dates;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.documents.KnownFields;
import jp.mynadesk.documents.PresentedDocument;

/**
 * Reads the input of {@code docs check} (docs/RULES.md §4). Structure and types are checked here (an error names the
 * field's path); what the fields say is left to the rules.
 *
 * <p>Defaults, where docs/RULES.md is silent: a missing {@code asOf} takes the caller's date; a missing
 * {@code onlineAvailable} is false (the safe side: the visit gets re-checked); a {@code card} object without
 * {@code presented} counts as presented.
 */
public final class CheckInputJson {
    /** Most documents one check takes: a desk sees a handful per visit; this only stops absurd inputs. */
    public static final int MAX_DOCUMENTS = 100;

    private CheckInputJson() {}

    public static FallbackInput read(String text, String source, LocalDate defaultAsOf) throws DocumentInputException {
        JsonNode root = DocumentJson.parse(text, source);
        if (!root.isObject()) {
            throw new DocumentInputException(source + ": 先頭は {\"asOf\": ..., \"documents\": [...]} の形のオブジェクトにしてください。"
                    + DocumentJson.describe(root) + " が入っています。");
        }
        ObjectNode in = DocumentJson.withoutMyNumber((ObjectNode) root);
        KnownFields.require(in, Set.of("asOf", "onlineAvailable", "card", "documents"), "");
        LocalDate asOf = date(in.get("asOf"), "asOf", defaultAsOf);
        boolean online = bool(in.get("onlineAvailable"), "onlineAvailable", false);
        PresentedCard card = card(in.get("card"));
        JsonNode docs = in.get("documents");
        List<PresentedDocument> documents = new ArrayList<>();
        if (docs != null && !docs.isNull()) {
            if (!docs.isArray()) {
                throw new DocumentInputException("documents: 書類は配列（[...]）で指定してください。" + DocumentJson.describe(docs) + " が入っています。");
            }
            if (docs.size() > MAX_DOCUMENTS) {
                throw new DocumentInputException("documents: 書類は " + MAX_DOCUMENTS + " 件までです（" + docs.size()
                        + " 件あります）。一度に確認する書類だけを指定してください。");
            }
            for (int i = 0; i < docs.size(); i++) {
                documents.add(DocumentJson.read(docs.get(i), "documents[" + i + "]"));
            }
        }
        return new FallbackInput(asOf, online, card, documents);
    }

    private static PresentedCard card(JsonNode node) throws DocumentInputException {
        if (node == null || node.isNull()) {
            return PresentedCard.NONE;
        }
        if (!node.isObject()) {
            throw new DocumentInputException("card: カードは {\"presented\": true, \"certificateNotAfter\": \"YYYY-MM-DD\"} の形で指定してください。"
                    + DocumentJson.describe(node) + " が入っています。");
        }
        KnownFields.require(node, Set.of("presented", "certificateNotAfter"), "card");
        boolean presented = bool(node.get("presented"), "card.presented", true);
        LocalDate notAfter = date(node.get("certificateNotAfter"), "card.certificateNotAfter", null);
        return presented ? new PresentedCard(true, notAfter) : PresentedCard.NONE;
    }

    private static boolean bool(JsonNode v, String path, boolean absent) throws DocumentInputException {
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new DocumentInputException(path + ": true か false で指定してください。" + DocumentJson.describe(v) + " が入っています。");
        }
        return v.booleanValue();
    }

    private static LocalDate date(JsonNode v, String path, LocalDate absent) throws DocumentInputException {
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isTextual()) {
            throw new DocumentInputException(path + ": \"YYYY-MM-DD\" の形の文字列で指定してください。" + DocumentJson.describe(v) + " が入っています。");
        }
        return EnteredDate.parse(v.textValue()).date().orElseThrow(() -> new DocumentInputException(path + ": \""
                + DocumentJson.shown(v.textValue()) + "\" は日付として正しくありません。\"2026-11-22\" のように YYYY-MM-DD で、" + Dates.EARLIEST + " から " + Dates.LATEST
                + " までの実在する日付を指定してください。"));
    }
}
