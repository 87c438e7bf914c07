package jp.mynadesk.rules;

/** The verdict on one field as typed: accept it (normalised), wait for more, or say what is wrong right away. */
public sealed interface FieldCheck {
    /** {@code value} is what to store (null: the optional field was left empty). */
    record Accepted(String value) implements FieldCheck {}

    /** Fine so far, but not complete yet; {@code hint} says what is still expected. */
    record Incomplete(String hint) implements FieldCheck {}

    /** Wrong now; {@code message} says what and how to fix it. */
    record Rejected(String message) implements FieldCheck {}
}
