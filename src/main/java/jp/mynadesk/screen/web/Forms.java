package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.desk.DeclarationForm;
import jp.mynadesk.desk.DeskEvent;
import jp.mynadesk.desk.DocumentForm;
import jp.mynadesk.desk.FieldProblem;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.documents.DocumentKind;

/**
 * The staff page's forms into workflow events. The 資格確認書 / お知らせ and the 被保険者資格申立書 go through
 * {@link DocumentForm} and {@link DeclarationForm}, the one field-by-field check every screen uses: a field left
 * blank or mistyped comes back with its sentence next to it, all of them at once, and nothing is decided or recorded.
 */
final class Forms {
    /** Fields the form cannot take, each with the sentence that says what to type. */
    static final class BadField extends RuntimeException {
        final String field;
        final List<FieldProblem> problems;

        BadField(String field, String message) {
            this(List.of(new FieldProblem(field, message)));
        }

        BadField(List<FieldProblem> problems) {
            super(problems.get(0).message(), null, false, false);
            this.field = problems.get(0).field();
            this.problems = List.copyOf(problems);
        }
    }

    private Forms() {}

    /** {@code {document: {kind, insurerNumber, ...}, address, limitConsent}} into the documents event. */
    static DeskEvent.DocumentsPresented documents(JsonNode body) {
        JsonNode d = body.path("document");
        String kindCode = text(d, "kind");
        DocumentKind kind = kindCode == null ? DocumentKind.SHIKAKU_KAKUNINSHO : DocumentKind.ofCode(kindCode)
                .orElseThrow(() -> new BadField("kind", StaffText.unknownDocumentKind()));
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : DocumentForm.FIELDS) {
            String v = text(d, f);
            if (v != null) {
                typed.put(f, v);
            }
        }
        DocumentForm.Result r = DocumentForm.check(kind, typed);
        if (!r.ok()) {
            throw new BadField(r.problems());
        }
        return DocumentForm.presented(r.document(), text(body, "address"), body.path("limitConsent").asBoolean(false));
    }

    /** The 被保険者資格申立書; without an insurer number the claim is 不詳 and no numbers are kept. */
    static DeskEvent.DeclarationGiven declaration(JsonNode body) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : DeclarationForm.FIELDS) {
            String v = text(body, f);
            if (v != null) {
                typed.put(f, v);
            }
        }
        DeclarationForm.Result r = DeclarationForm.check(typed);
        if (!r.ok()) {
            throw new BadField(r.problems());
        }
        return r.declaration();
    }

    /** The staff ID for 目視: required, as the record names who compared the face. */
    static String staff(JsonNode body) {
        String s = text(body, "staff");
        if (s == null) {
            throw new BadField("staff", StaffText.required(StaffText.visualStaffLabel()));
        }
        return s;
    }

    static String text(JsonNode o, String name) {
        JsonNode v = o.path(name);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
