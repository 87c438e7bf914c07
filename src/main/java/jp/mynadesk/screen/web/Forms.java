package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import jp.mynadesk.desk.DeskEvent;
import jp.mynadesk.desk.Patient;
import jp.mynadesk.desk.SearchNumbers;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.rules.DocumentEntry;
import jp.mynadesk.rules.FieldCheck;

/**
 * The staff page's forms into workflow events. Each field goes through the same {@link DocumentEntry} check the
 * terminal uses as it is typed; the first field that does not check out is named with the check's own sentence.
 */
final class Forms {
    /** A field the form cannot take, with the sentence that says what to type. */
    static final class BadField extends RuntimeException {
        final String field;

        BadField(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private Forms() {}

    /** {@code {document: {kind, insurerNumber, ...}, address, limitConsent}} into the documents event. */
    static DeskEvent.DocumentsPresented documents(JsonNode body) {
        JsonNode d = body.path("document");
        DocumentKind kind = DocumentKind.ofCode(text(d, "kind")).orElse(DocumentKind.SHIKAKU_KAKUNINSHO);
        PresentedDocument.Builder b = PresentedDocument.builder(kind)
                .insurerNumber(required(d, "insurerNumber", "保険者番号", DocumentEntry::insurerNumber))
                .symbol(field(d, "symbol", DocumentEntry::symbol))
                .number(required(d, "number", "番号", DocumentEntry::number))
                .branch(field(d, "branch", DocumentEntry::branch))
                .name(required(d, "name", "氏名", DocumentEntry::name))
                .birthDate(required(d, "birthDate", "生年月日", t -> DocumentEntry.date(t, true)));
        String insurerName = text(d, "insurerName");
        if (insurerName != null) {
            b.insurerName(insurerName);
        }
        String sex = field(d, "sex", DocumentEntry::sex);
        Sex.parse(sex == null ? "" : sex).ifPresent(b::sex);
        b.issuedOn(field(d, "issuedOn", t -> DocumentEntry.date(t, false)));
        b.validUntil(field(d, "validUntil", t -> DocumentEntry.date(t, false)));
        PresentedDocument doc = b.build();
        Patient patient = new Patient(doc.name(), doc.sex() == null ? null : doc.sex().name().toLowerCase(Locale.ROOT),
                doc.birthDate() == null ? null : doc.birthDate().date().orElse(null), text(body, "address"), null);
        return new DeskEvent.DocumentsPresented(List.of(doc), body.path("limitConsent").asBoolean(false), patient);
    }

    /** The 被保険者資格申立書; without an insurer number the claim is 不詳 and no numbers are kept. */
    static DeskEvent.DeclarationGiven declaration(JsonNode body) {
        String name = required(body, "name", "氏名", DocumentEntry::name);
        String birth = required(body, "birthDate", "生年月日", t -> DocumentEntry.date(t, true));
        String sex = field(body, "sex", DocumentEntry::sex);
        LocalDate born = LocalDate.parse(birth);
        String insurer = field(body, "insurerNumber", DocumentEntry::insurerNumber);
        SearchNumbers numbers = insurer == null ? null : new SearchNumbers(insurer, field(body, "symbol", DocumentEntry::symbol),
                required(body, "number", "番号", DocumentEntry::number), field(body, "branch", DocumentEntry::branch), born);
        Patient patient = new Patient(name, Sex.parse(sex == null ? "" : sex).map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null),
                born, text(body, "address"), text(body, "contact"));
        return new DeskEvent.DeclarationGiven(patient, text(body, "statedInsurance"), numbers);
    }

    /** The staff ID for 目視: required, as the record names who compared the face. */
    static String staff(JsonNode body) {
        String s = text(body, "staff");
        if (s == null) {
            throw new BadField("staff", StaffText.required("目視確認をした職員のID"));
        }
        return s;
    }

    private static String required(JsonNode o, String name, String label, Function<String, FieldCheck> check) {
        String v = field(o, name, check);
        if (v == null) {
            throw new BadField(name, StaffText.required(label));
        }
        return v;
    }

    private static String field(JsonNode o, String name, Function<String, FieldCheck> check) {
        String typed = text(o, name);
        if (typed == null) {
            return null;
        }
        FieldCheck verdict = check.apply(typed);
        if (verdict instanceof FieldCheck.Accepted a) {
            return a.value();
        }
        throw new BadField(name, verdict instanceof FieldCheck.Rejected r ? r.message() : ((FieldCheck.Incomplete) verdict).hint());
    }

    static String text(JsonNode o, String name) {
        JsonNode v = o.path(name);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }
}
