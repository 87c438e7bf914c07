package jp.mynadesk.rules;

/** The verdict on one field as typed: accept it (normalised), wait for more, or say what is wrong right away. */
public sealed interface FieldCheck {
    /** {@code value} is what to store (null: the optional field was left empty). */
    record Accepted(String value) implements FieldCheck {}

    /** Fine so far, but not complete yet; {@code note} says what is still expected. */
    record Incomplete(EntryNote note) implements FieldCheck {}

    /** Wrong now; {@code note} says what and how to fix it. */
    record Rejected(EntryNote note) implements FieldCheck {}
}
