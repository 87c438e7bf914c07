package jp.mynadesk.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.mynadesk.rules.FieldCheck;

/**
 * The field-by-field entry both forms share ({@link DocumentForm}, {@link DeclarationForm}): a field's printed
 * label, one answer checked as it is typed, the whole form checked in its order with every accepted value kept and
 * every problem listed. What a blank field means (required or not, and in which words) stays with each form.
 */
final class FormFields {
    private final String form;
    private final List<String> fields;
    private final Map<String, String> labels;
    private final Function<String, Function<String, FieldCheck>> checker;

    /**
     * @param form what kind of form, for a programming error ("declaration", "document")
     * @param fields the fields in the form's order
     * @param checker the typing check of each field
     */
    FormFields(String form, List<String> fields, Function<String, Function<String, FieldCheck>> checker) {
        this.form = form;
        this.fields = fields;
        this.labels = new LinkedHashMap<>();
        fields.forEach(f -> labels.put(f, StaffText.fieldLabel(f)));
        this.checker = checker;
    }

    /** The field's label; an unknown field name is a programming error. */
    String label(String field) {
        String l = labels.get(field);
        if (l == null) {
            throw new IllegalArgumentException("not a " + form + " field: " + field);
        }
        return l;
    }

    /** One answer as typed: its problem, or empty when it can be used ({@code blank} says what a blank one is). */
    Optional<FieldProblem> field(String field, String typed, Function<String, Optional<FieldProblem>> blank) {
        label(field);
        if (typed == null || typed.isBlank()) {
            return blank.apply(field);
        }
        FieldCheck verdict = checker.apply(field).apply(typed);
        return verdict instanceof FieldCheck.Accepted ? Optional.empty()
                : Optional.of(new FieldProblem(field, sentence(verdict)));
    }

    /**
     * The whole form, field by field in the form's order: the accepted values (normalised by their check), and the
     * problems added to {@code problems}. Unknown field names are a programming error; absent fields are blank.
     */
    Map<String, String> enter(Map<String, String> typed, Function<String, Optional<FieldProblem>> blank,
            List<FieldProblem> problems) {
        for (String f : typed.keySet()) {
            label(f);
        }
        Map<String, String> value = new LinkedHashMap<>();
        for (String f : fields) {
            String text = typed.get(f);
            if (text == null || text.isBlank()) {
                blank.apply(f).ifPresent(problems::add);
                continue;
            }
            FieldCheck verdict = checker.apply(f).apply(text);
            if (verdict instanceof FieldCheck.Accepted a) {
                value.put(f, a.value());
            } else {
                problems.add(new FieldProblem(f, sentence(verdict)));
            }
        }
        return value;
    }

    /** The problems in the form's order, as staff read the form. */
    List<FieldProblem> inOrder(List<FieldProblem> problems) {
        List<FieldProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(p -> fields.indexOf(p.field())));
        return sorted;
    }

    /** What staff read for a check that did not accept the answer. */
    static String sentence(FieldCheck verdict) {
        return verdict instanceof FieldCheck.Rejected r ? StaffText.entry(r.note())
                : verdict instanceof FieldCheck.Incomplete i ? StaffText.entry(i.note()) : "";
    }
}
