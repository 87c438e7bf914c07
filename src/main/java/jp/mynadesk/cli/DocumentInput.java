package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.documents.DocumentScanner;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.documents.PresentedDocument;

/**
 * {@code --document FILE|-}: one document as {@code docs check} takes it ({"kind": ...}), the whole
 * {@code docs check} input ({"documents": [...]}), or a photo of the document (PNG/JPEG) whose QR code is read.
 */
final class DocumentInput {
    /** Larger inputs are not documents; refusing them keeps a wrong file from filling memory. */
    static final long MAX_BYTES = 1 << 20;

    private DocumentInput() {}

    static List<PresentedDocument> read(String option, String source, InputStream stdin) {
        try {
            if ("-".equals(source)) {
                return parse(option, "標準入力", new String(stdin.readNBytes((int) MAX_BYTES + 1), StandardCharsets.UTF_8));
            }
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw CliException.badInput(option + ": " + source + " は読める普通のファイルではありません。");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw CliException.badInput(option + ": " + source + " は大きすぎます（1 MB まで）。");
            }
            String lower = source.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
                return List.of(DocumentScanner.scan(file));
            }
            return parse(option, source, Files.readString(file, StandardCharsets.UTF_8));
        } catch (DocumentInputException e) {
            throw CliException.badInput(option + ": " + e.getMessage());
        } catch (IOException e) {
            throw CliException.badInput(option + ": " + source + " を読めません。");
        }
    }

    private static List<PresentedDocument> parse(String option, String source, String text) throws DocumentInputException {
        if (text.length() > MAX_BYTES) {
            throw CliException.badInput(option + ": 入力が大きすぎます（1 MB まで）。");
        }
        JsonNode root = DocumentJson.parse(text, source);
        if (root.isObject() && root.has("documents")) {
            JsonNode docs = root.get("documents");
            if (!docs.isArray() || docs.isEmpty()) {
                throw CliException.badInput(option + ": documents には書類を1件以上、配列で指定してください。");
            }
            List<PresentedDocument> out = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                out.add(DocumentJson.read(docs.get(i), "documents[" + i + "]"));
            }
            return out;
        }
        return List.of(DocumentJson.read(root, "document"));
    }
}
