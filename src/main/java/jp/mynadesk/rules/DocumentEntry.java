package jp.mynadesk.rules;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;
import jp.mynadesk.format.Dates;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.format.Wareki;
import jp.mynadesk.rules.EntryNote.Code;

/**
 * Typed entry of a 資格確認書 / お知らせ, one field at a time, so a mistake shows up as it is typed (the check digit
 * as soon as the last digit is in), not after the whole form. Full-width digits (IME) are accepted and
 * normalised. Each method may be called on every keystroke with the text so far.
 */
public final class DocumentEntry {
    private DocumentEntry() {}

    public static FieldCheck insurerNumber(String typed) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            return incomplete(Code.INSURER_NUMBER_ENTER);
        }
        if (!s.chars().allMatch(DocumentEntry::isAsciiDigit)) {
            return rejected(Code.INSURER_NUMBER_DIGITS_ONLY);
        }
        if (s.length() > 8) {
            return new FieldCheck.Rejected(EntryNote.of(Code.INSURER_NUMBER_TOO_LONG, s.length()));
        }
        if (s.length() < 6 || s.length() == 7) {
            return new FieldCheck.Incomplete(EntryNote.of(Code.INSURER_NUMBER_MORE_DIGITS, s.length()));
        }
        InsurerNumberCheck.WellFormed w = (InsurerNumberCheck.WellFormed) InsurerNumber.check(s);
        if (w.valid()) {
            return new FieldCheck.Accepted(s);
        }
        if (s.length() == 6) {
            // Could be the first six of an 8-digit number: keep going, but say it now in case it is 国保.
            return new FieldCheck.Incomplete(EntryNote.of(Code.KOKUHO_CHECK_DIGIT, w.expectedCheckDigit()));
        }
        return new FieldCheck.Rejected(EntryNote.of(Code.CHECK_DIGIT, w.expectedCheckDigit()));
    }

    /** 記号: free text as printed (may contain "-"); optional. */
    public static FieldCheck symbol(String typed) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            return new FieldCheck.Accepted(null);
        }
        if (s.length() > 38 || s.chars().anyMatch(Character::isISOControl)) {
            return rejected(Code.SYMBOL_UNUSABLE);
        }
        return new FieldCheck.Accepted(s);
    }

    /** 番号: digits as printed, leading zeros kept. */
    public static FieldCheck number(String typed) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            return incomplete(Code.NUMBER_ENTER);
        }
        if (!s.chars().allMatch(DocumentEntry::isAsciiDigit)) {
            return rejected(Code.NUMBER_DIGITS_ONLY);
        }
        return new FieldCheck.Accepted(s);
    }

    /** 枝番: two digits ("00"); optional (older documents have none). */
    public static FieldCheck branch(String typed) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            return new FieldCheck.Accepted(null);
        }
        if (!s.chars().allMatch(DocumentEntry::isAsciiDigit) || s.length() > 2) {
            return rejected(Code.BRANCH_TWO_DIGITS);
        }
        return s.length() == 1 ? new FieldCheck.Incomplete(EntryNote.of(Code.BRANCH_ONE_DIGIT, s)) : new FieldCheck.Accepted(s);
    }

    public static FieldCheck name(String typed) {
        String s = typed == null ? "" : typed.strip().replaceAll("[\\s　]+", " ");
        return s.isEmpty() ? incomplete(Code.NAME_ENTER) : new FieldCheck.Accepted(s);
    }

    public static FieldCheck sex(String typed) {
        Optional<Sex> sex = Sex.parse(normalise(typed));
        return sex.<FieldCheck>map(x -> new FieldCheck.Accepted(x.code()))
                .orElseGet(() -> rejected(Code.SEX_CHOICE));
    }

    /**
     * A date as YYYY-MM-DD or 和暦 (令和6年12月2日, R6.12.2, 平成元年5月10日); accepted as ISO. An impossible date
     * (2025-02-29) is rejected at once.
     */
    public static FieldCheck date(String typed, boolean required) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            return required ? incomplete(Code.DATE_ENTER)
                    : new FieldCheck.Accepted(null);
        }
        Optional<LocalDate> d = Optional.ofNullable(EnteredDate.iso(s)).or(() -> Wareki.parse(s));
        if (d.isPresent()) {
            // one range and one era rule for every date (docs/RULES.md §8)
            return Dates.inRange(d.get()) ? new FieldCheck.Accepted(d.get().toString())
                    : new FieldCheck.Rejected(EntryNote.of(Code.DATE_OUT_OF_RANGE, DocumentJson.shown(s)));
        }
        // a real calendar day outside its era's dates (平成32年) is told apart from text that names no day at all
        return new FieldCheck.Rejected(EntryNote.of(Wareki.mismatch(s).isPresent() ? Code.DATE_OUTSIDE_ERA
                : Code.DATE_UNREADABLE, DocumentJson.shown(s)));
    }

    /**
     * The day {@code typed} names, as {@link #date} reads it (YYYY-MM-DD or 和暦, full-width digits allowed), or null
     * when it names none.
     */
    public static LocalDate day(String typed) {
        if (!(date(typed, true) instanceof FieldCheck.Accepted accepted)) {
            return null;
        }
        // LocalDate's own text: YYYY-MM-DD read by hand (no formatter to initialise), a year past 9999 by parse
        LocalDate iso = EnteredDate.iso(accepted.value());
        return iso != null ? iso : LocalDate.parse(accepted.value());
    }

    private static FieldCheck incomplete(Code code) {
        return new FieldCheck.Incomplete(EntryNote.of(code));
    }

    private static FieldCheck rejected(Code code) {
        return new FieldCheck.Rejected(EntryNote.of(code));
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /**
     * What staff typed, NFKC-normalised and stripped: NFKC turns full-width digits and letters into ASCII (staff often
     * type with the IME on). ASCII is already in NFKC, and skipping the normaliser spares a one-shot command loading
     * its Unicode tables (docs/ARCHITECTURE.md, "Start-up").
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        for (int i = 0; i < typed.length(); i++) {
            if (typed.charAt(i) >= 0x80) {
                return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
            }
        }
        return typed.strip();
    }
}
