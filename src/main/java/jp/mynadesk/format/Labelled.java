package jp.mynadesk.format;

/**
 * A {@link Coded} enum whose constants also carry the word staff read. An enum cannot inherit fields, so each
 * holds one {@link Words} and this interface answers {@link #code()} and {@link #label()} from it: the two fields,
 * the constructor's assignments and the two accessors are written once here instead of once per enum.
 */
public interface Labelled extends Coded {
    /** A constant's code (in the JSON contracts and settings) and its label (as staff read it). */
    record Words(String code, String label) {}

    /** The constant's code and label as declared. */
    Words words();

    /** The code in the JSON contracts ({@code --json}, the record). */
    @Override
    default String code() {
        return words().code();
    }

    /** The word staff read. */
    default String label() {
        return words().label();
    }
}
