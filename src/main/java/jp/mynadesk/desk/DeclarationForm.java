package jp.mynadesk.desk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.rules.DocumentEntry;
import jp.mynadesk.rules.EntryNote;
import jp.mynadesk.rules.FieldCheck;

/**
 * The 被保険者資格申立書 as staff take it down, checked field by field before the workflow records anything — one
 * check for the terminal and the web (docs/DESK.md, "Forms"). The declaration is what the claim rests on and what
 * the re-check and any follow-up use, so 氏名・生年月日・住所・連絡先 are required; 性別 and the stated insurance are
 * optional. Without a 保険者番号 the claim is 不詳 and no numbers are kept; with one, its 番号 is required too.
 */
public final class DeclarationForm {
    /** The fields, in the order of the form. */
    public static final List<String> FIELDS = List.of("name", "sex", "birthDate", "address", "contact",
            "statedInsurance", "insurerNumber", "symbol", "number", "branch");

    /** The declaration to give, or the problems to show first ({@code declaration} is then null). */
    public record Result(DeskEvent.DeclarationGiven declaration, List<FieldProblem> problems) implements FormProblems {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private static final FormFields FORM = new FormFields("declaration", FIELDS, DeclarationForm::checker);

    private DeclarationForm() {}

    public static String label(String field) {
        return FORM.label(field);
    }

    /** Always required; {@code number} is required only with a 保険者番号 (see {@link #check}). */
    public static boolean required(String field) {
        return switch (field) {
            case "name", "birthDate", "address", "contact" -> true;
            default -> false;
        };
    }

    /** One field as typed: its problem, or empty when it can be used. */
    public static Optional<FieldProblem> field(String field, String typed) {
        return FORM.field(field, typed, DeclarationForm::blank);
    }

    /** A field left blank: a problem only where it is always required. */
    private static Optional<FieldProblem> blank(String field) {
        return required(field) ? Optional.of(new FieldProblem(field, StaffText.required(label(field)))) : Optional.empty();
    }

    /** The whole form; absent fields are blank. */
    public static Result check(Map<String, String> typed) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> value = FORM.enter(typed, DeclarationForm::blank, problems);
        boolean numbersGiven = value.containsKey("symbol") || value.containsKey("number") || value.containsKey("branch");
        if (value.containsKey("insurerNumber") || problems.stream().anyMatch(p -> p.field().equals("insurerNumber"))) {
            if (!value.containsKey("number") && problems.stream().noneMatch(p -> p.field().equals("number"))) {
                problems.add(new FieldProblem("number", StaffText.required(label("number"))));
            }
        } else if (numbersGiven) {
            problems.add(new FieldProblem("insurerNumber", StaffText.declarationNumbersWithoutInsurer()));
        }
        if (!problems.isEmpty()) {
            return new Result(null, FORM.inOrder(problems));
        }
        LocalDate born = LocalDate.parse(value.get("birthDate"));
        SearchNumbers numbers = value.containsKey("insurerNumber") ? new SearchNumbers(value.get("insurerNumber"),
                value.get("symbol"), value.get("number"), value.get("branch"), born) : null;
        String sex = Sex.parse(value.getOrDefault("sex", "")).map(Sex::code).orElse(null);
        Patient patient = new Patient(value.get("name"), sex, born, value.get("address"), value.get("contact"));
        return new Result(new DeskEvent.DeclarationGiven(patient, value.get("statedInsurance"), numbers), List.of());
    }

    private static Function<String, FieldCheck> checker(String field) {
        return switch (field) {
            case "name" -> DocumentEntry::name;
            case "sex" -> DocumentEntry::sex;
            case "birthDate" -> t -> DocumentEntry.date(t, true);
            case "insurerNumber" -> DocumentEntry::insurerNumber;
            case "symbol" -> DocumentEntry::symbol;
            case "number" -> DocumentEntry::number;
            case "branch" -> DocumentEntry::branch;
            default -> DeclarationForm::text;
        };
    }

    /** 住所, 連絡先, the stated insurance: free text on one line, as the patient wrote it. */
    private static FieldCheck text(String typed) {
        String s = typed.strip().replaceAll("[\\s　]+", " ");
        return s.length() > 200 || s.chars().anyMatch(Character::isISOControl)
                ? new FieldCheck.Rejected(EntryNote.of(EntryNote.Code.FREE_TEXT_UNUSABLE)) : new FieldCheck.Accepted(s);
    }
}
