package jp.mynadesk.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.rules.DocumentEntry;
import jp.mynadesk.rules.EntryNote;
import jp.mynadesk.rules.FieldCheck;
import jp.mynadesk.rules.FormatProblems;
import jp.mynadesk.rules.InsurerNumber;
import jp.mynadesk.rules.InsurerNumberCheck;

/**
 * A 資格確認書 / 資格情報のお知らせ as staff typed (or scanned) it, checked field by field <em>before</em> the workflow
 * decides anything: a field left blank or mistyped is a {@link FieldProblem} to show, never a refusal on record
 * (docs/DESK.md, "Forms"). The sentences are the ones already in use: {@link DocumentEntry} for what was typed
 * (as the terminal and the web check each field) and {@link FormatProblems} for what the document lacks (as
 * {@code docs check} names it). A 資格確認書 needs its 交付年月日 and 有効期限 (docs/RULES.md §4).
 *
 * <p>Field names are the document JSON's ({@code insurerNumber}, {@code issuedOn}, ...), so a web form's body and
 * the terminal's answers go through the same check.
 */
public final class DocumentForm {
    /** The fields a screen asks, in the order staff read them off the document. */
    public static final List<String> FIELDS = List.of("insurerNumber", "insurerName", "symbol", "number", "branch",
            "name", "birthDate", "sex", "acquiredOn", "issuedOn", "validFrom", "validUntil", "lostOn");

    /**
     * What the form gave: the document to present, or the problems to show first (then {@code document} is null).
     */
    public record Result(PresentedDocument document, List<FieldProblem> problems) implements FormProblems {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private static final FormFields FORM = new FormFields("document", FIELDS, DocumentForm::checker);

    private DocumentForm() {}

    /** The field's name as printed on the document (for the prompt and next to a problem). */
    public static String label(String field) {
        return FORM.label(field);
    }

    /** Whether the document cannot be used without this field (a 資格確認書 needs its dates). */
    public static boolean required(DocumentKind kind, String field) {
        return switch (field) {
            case "insurerNumber", "number", "name", "birthDate" -> true;
            case "issuedOn", "validUntil" -> kind == DocumentKind.SHIKAKU_KAKUNINSHO;
            default -> false;
        };
    }

    /**
     * One field as typed: its problem, or empty when it can be used (a blank optional field can). For checking each
     * answer as soon as it is typed.
     */
    public static Optional<FieldProblem> field(DocumentKind kind, String field, String typed) {
        return FORM.field(field, typed, f -> required(kind, f) ? Optional.of(missing(kind, f)) : Optional.empty());
    }

    /**
     * The whole form: every field checked, every problem listed (not only the first), the document built when there
     * is none. Unknown field names are a programming error; absent fields are blank.
     */
    public static Result check(DocumentKind kind, Map<String, String> typed) {
        List<FieldProblem> problems = new ArrayList<>();
        PresentedDocument.Builder b = PresentedDocument.builder(kind);
        FORM.enter(typed, f -> Optional.empty(), problems).forEach((f, v) -> set(b, f, v));
        PresentedDocument doc = b.build();
        for (FieldProblem missing : check(doc).problems()) {
            if (problems.stream().noneMatch(p -> p.field().equals(missing.field()))) {
                problems.add(missing);
            }
        }
        return new Result(problems.isEmpty() ? doc : null, FORM.inOrder(problems));
    }

    /**
     * A document read whole (a QR code scanned or typed by a keyboard-wedge reader, a file): what {@code docs check}
     * would call {@code bad-format} or {@code bad-check-digit}, field by field, so it can be read again or corrected
     * instead of refused.
     */
    public static Result check(PresentedDocument doc) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FormatProblems.Problem p : FormatProblems.of(doc)) {
            problems.add(FIELDS.contains(p.field()) && isBlankField(doc, p.field())
                    ? missing(doc.kind(), p.field()) : new FieldProblem(p.field(), StaffText.entry(p.note())));
        }
        if (InsurerNumber.check(doc.insurerNumber()) instanceof InsurerNumberCheck.WellFormed w && !w.valid()) {
            problems.add(new FieldProblem("insurerNumber", FormFields.sentence(DocumentEntry.insurerNumber(doc.insurerNumber()))));
        }
        return new Result(problems.isEmpty() ? doc : null, FORM.inOrder(problems));
    }

    /**
     * The workflow event for a checked document: the patient's 氏名・性別・生年月日 from it and the address staff
     * typed (kept for the re-check).
     */
    public static DeskEvent.DocumentsPresented presented(PresentedDocument doc, String address, boolean limitConsent) {
        Patient patient = new Patient(doc.name(), doc.sex() == null ? null : doc.sex().code(),
                doc.birthDate().date().orElse(null), address == null || address.isBlank() ? null : address.strip(), null);
        return new DeskEvent.DocumentsPresented(List.of(doc), limitConsent, patient);
    }

    // --- the fields -----------------------------------------------------------------------------------------

    /** A required field left blank: what {@code docs check} says it lacks. */
    private static FieldProblem missing(DocumentKind kind, String field) {
        return switch (field) {
            case "insurerNumber" -> new FieldProblem(field, StaffText.entry(EntryNote.of(EntryNote.Code.INSURER_NUMBER_MISSING)));
            case "number" -> new FieldProblem(field, StaffText.entry(EntryNote.of(EntryNote.Code.NUMBER_MISSING)));
            case "name" -> new FieldProblem(field, StaffText.entry(EntryNote.of(EntryNote.Code.NAME_MISSING)));
            default -> new FieldProblem(field, StaffText.entry(EntryNote.of(EntryNote.Code.DATE_REQUIRED))
                    + (kind == DocumentKind.SHIKAKU_KAKUNINSHO && !field.equals("birthDate")
                    ? StaffText.printedOn(kind, label(field)) : StaffText.required(label(field))));
        };
    }

    private static boolean isBlankField(PresentedDocument d, String field) {
        return switch (field) {
            case "insurerNumber" -> d.insurerNumber() == null || d.insurerNumber().isBlank();
            case "number" -> d.number() == null || d.number().isBlank();
            case "name" -> d.name() == null || d.name().isBlank();
            case "birthDate" -> d.birthDate().isAbsent();
            case "acquiredOn" -> d.acquiredOn().isAbsent();
            case "issuedOn" -> d.issuedOn().isAbsent();
            case "validFrom" -> d.validFrom().isAbsent();
            case "validUntil" -> d.validUntil().isAbsent();
            case "lostOn" -> d.lostOn().isAbsent();
            default -> false;
        };
    }

    private static Function<String, FieldCheck> checker(String field) {
        return switch (field) {
            case "insurerNumber" -> DocumentEntry::insurerNumber;
            case "symbol" -> DocumentEntry::symbol;
            case "number" -> DocumentEntry::number;
            case "branch" -> DocumentEntry::branch;
            case "name" -> DocumentEntry::name;
            case "sex" -> DocumentEntry::sex;
            case "insurerName" -> DocumentForm::insurerName;
            default -> t -> DocumentEntry.date(t, false);
        };
    }

    private static FieldCheck insurerName(String typed) {
        String s = typed.strip();
        return s.length() > 100 || s.chars().anyMatch(Character::isISOControl)
                ? new FieldCheck.Rejected(EntryNote.of(EntryNote.Code.INSURER_NAME_UNUSABLE)) : new FieldCheck.Accepted(s);
    }

    private static void set(PresentedDocument.Builder b, String field, String v) {
        switch (field) {
            case "insurerNumber" -> b.insurerNumber(v);
            case "insurerName" -> b.insurerName(v);
            case "symbol" -> b.symbol(v);
            case "number" -> b.number(v);
            case "branch" -> b.branch(v);
            case "name" -> b.name(v);
            case "birthDate" -> b.birthDate(v);
            case "sex" -> Sex.parse(v).ifPresent(b::sex);
            case "acquiredOn" -> b.acquiredOn(v);
            case "issuedOn" -> b.issuedOn(v);
            case "validFrom" -> b.validFrom(v);
            case "validUntil" -> b.validUntil(v);
            case "lostOn" -> b.lostOn(v);
            default -> throw new IllegalArgumentException(field.toLowerCase(Locale.ROOT));
        }
    }
}
