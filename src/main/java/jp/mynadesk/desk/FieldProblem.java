package jp.mynadesk.desk;

/**
 * One field of a form staff filled in that cannot be used yet, and what to do about it: shown next to the field
 * (web) or after it is asked again (terminal). A problem is never a decision: nothing is recorded for it.
 *
 * @param field the form's field name, as in the document JSON ({@code issuedOn}, {@code address})
 * @param message the Japanese sentence staff read
 */
public record FieldProblem(String field, String message) {}
