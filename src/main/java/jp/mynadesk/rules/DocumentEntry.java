package jp.mynadesk.rules;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;
import jp.mynadesk.format.Dates;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.format.Wareki;

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
            return new FieldCheck.Incomplete("保険者番号（8桁、国保は6桁）を入力してください。");
        }
        if (!s.chars().allMatch(DocumentEntry::isAsciiDigit)) {
            return new FieldCheck.Rejected("保険者番号は数字だけです。数字以外の文字を消してください。");
        }
        if (s.length() > 8) {
            return new FieldCheck.Rejected("保険者番号は8桁（国保は6桁）です。" + s.length() + "桁入っています。");
        }
        if (s.length() < 6 || s.length() == 7) {
            return new FieldCheck.Incomplete("あと" + (s.length() < 6 ? (6 - s.length()) + "桁（国保）か" + (8 - s.length()) : "1") + "桁です。");
        }
        InsurerNumberCheck.WellFormed w = (InsurerNumberCheck.WellFormed) InsurerNumber.check(s);
        if (w.valid()) {
            return new FieldCheck.Accepted(s);
        }
        if (s.length() == 6) {
            // Could be the first six of an 8-digit number: keep going, but say it now in case it is 国保.
            return new FieldCheck.Incomplete("国保の6桁としては検証番号が合いません（最後の桁は " + w.expectedCheckDigit()
                    + " のはずです）。8桁の番号なら続けて入力してください。");
        }
        return new FieldCheck.Rejected("検証番号（最後の桁）が合いません。最後の桁は " + w.expectedCheckDigit()
                + " のはずです。書類の保険者番号をもう一度確かめてください。");
    }

    /** 記号: free text as printed (may contain "-"); optional. */
    public static FieldCheck symbol(String typed) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            return new FieldCheck.Accepted(null);
        }
        if (s.length() > 38 || s.chars().anyMatch(Character::isISOControl)) {
            return new FieldCheck.Rejected("記号が長すぎるか、使えない文字があります。書類の記号をそのまま入力してください。");
        }
        return new FieldCheck.Accepted(s);
    }

    /** 番号: digits as printed, leading zeros kept. */
    public static FieldCheck number(String typed) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            return new FieldCheck.Incomplete("番号を入力してください。");
        }
        if (!s.chars().allMatch(DocumentEntry::isAsciiDigit)) {
            return new FieldCheck.Rejected("番号は数字だけです。書類の番号を確かめてください。");
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
            return new FieldCheck.Rejected("枝番は2桁の数字です（例: 00）。");
        }
        return s.length() == 1 ? new FieldCheck.Incomplete("枝番は2桁です（例: 0" + s + "）。") : new FieldCheck.Accepted(s);
    }

    public static FieldCheck name(String typed) {
        String s = typed == null ? "" : typed.strip().replaceAll("[\\s　]+", " ");
        return s.isEmpty() ? new FieldCheck.Incomplete("氏名を入力してください。") : new FieldCheck.Accepted(s);
    }

    public static FieldCheck sex(String typed) {
        Optional<Sex> sex = Sex.parse(normalise(typed));
        return sex.<FieldCheck>map(x -> new FieldCheck.Accepted(x.code()))
                .orElseGet(() -> new FieldCheck.Rejected("性別は 男 / 女（1 / 2）で入力してください。"));
    }

    /**
     * A date as YYYY-MM-DD or 和暦 (令和6年12月2日, R6.12.2, 平成元年5月10日); accepted as ISO. An impossible date
     * (2025-02-29) is rejected at once.
     */
    public static FieldCheck date(String typed, boolean required) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            return required ? new FieldCheck.Incomplete("日付を入力してください（例: 2024-12-02 または 令和6年12月2日）。")
                    : new FieldCheck.Accepted(null);
        }
        Optional<LocalDate> d = Optional.ofNullable(EnteredDate.iso(s)).or(() -> Wareki.parse(s));
        if (d.isPresent()) {
            // one range and one era rule for every date (docs/RULES.md §8)
            return Dates.inRange(d.get()) ? new FieldCheck.Accepted(d.get().toString())
                    : new FieldCheck.Rejected(Dates.outOfRange(DocumentJson.shown(s)));
        }
        Optional<String> era = Wareki.eraProblem(s);
        if (era.isPresent()) {
            return new FieldCheck.Rejected(era.get());
        }
        return new FieldCheck.Rejected("「" + DocumentJson.shown(s) + "」は日付として読めないか、存在しない日付です。2024-12-02 または 令和6年12月2日 の形で入力してください。");
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
