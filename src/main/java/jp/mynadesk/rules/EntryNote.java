package jp.mynadesk.rules;

/**
 * What staff are told about a field as they type it, or about a document's field that makes it {@code bad-format}:
 * a code with the parts its sentence needs. The rules decide; {@code desk.StaffText#entry} words it, so the desk's
 * field hints sit in the one catalogue with every other sentence staff read.
 *
 * @param shown  what was typed, cut and cleaned for display ({@code DocumentJson.shown}), where the sentence repeats it
 * @param number a count or digit the sentence names (digits typed, the expected check digit), else 0
 */
public record EntryNote(Code code, String shown, int number) {

    public static EntryNote of(Code code) {
        return new EntryNote(code, null, 0);
    }

    public static EntryNote of(Code code, String shown) {
        return new EntryNote(code, shown, 0);
    }

    public static EntryNote of(Code code, int number) {
        return new EntryNote(code, null, number);
    }

    public enum Code {
        // typed entry, one field at a time (DocumentEntry)
        INSURER_NUMBER_ENTER, INSURER_NUMBER_DIGITS_ONLY, INSURER_NUMBER_TOO_LONG, INSURER_NUMBER_MORE_DIGITS,
        KOKUHO_CHECK_DIGIT, CHECK_DIGIT, SYMBOL_UNUSABLE, NUMBER_ENTER, NUMBER_DIGITS_ONLY, BRANCH_TWO_DIGITS,
        BRANCH_ONE_DIGIT, NAME_ENTER, SEX_CHOICE, DATE_ENTER, DATE_OUT_OF_RANGE, DATE_OUTSIDE_ERA, DATE_UNREADABLE,
        INSURER_NAME_UNUSABLE, FREE_TEXT_UNUSABLE,
        // a whole document's format (FormatProblems)
        INSURER_NUMBER_MISSING, INSURER_NUMBER_MALFORMED, NUMBER_MISSING, NUMBER_NOT_DIGITS, NAME_MISSING,
        BRANCH_MALFORMED, DATE_REQUIRED, DATE_MALFORMED
    }
}
