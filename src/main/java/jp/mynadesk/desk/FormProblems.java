package jp.mynadesk.desk;

import java.util.List;
import java.util.Optional;

/**
 * What every checked form gives back besides its payload ({@link DocumentForm.Result},
 * {@link DeclarationForm.Result}): the problems to show first, in the form's order, none when the form can be used.
 */
public interface FormProblems {
    List<FieldProblem> problems();

    default boolean ok() {
        return problems().isEmpty();
    }

    /** The problem of one field, if it has one. */
    default Optional<FieldProblem> problem(String field) {
        return problems().stream().filter(p -> p.field().equals(field)).findFirst();
    }
}
