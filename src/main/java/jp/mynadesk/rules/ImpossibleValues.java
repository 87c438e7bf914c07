package jp.mynadesk.rules;

import java.time.LocalDate;
import java.util.Optional;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.PresentedDocument;

/**
 * Values no real document can carry, refused as input errors naming the field rather than judged: a 有効期限 before
 * the 交付日, or a birth date after the day of the check. (A 和暦 year past its era's end, such as 平成32年 printed
 * before 2019-05, is a real date and stays accepted.)
 */
public final class ImpossibleValues {
    private ImpossibleValues() {}

    public static void check(FallbackInput input) throws DocumentInputException {
        for (int i = 0; i < input.documents().size(); i++) {
            check(input.documents().get(i), "documents[" + i + "]", input.asOf());
        }
    }

    /** @param asOf the day of the check, or null when there is none (a sample document) */
    public static void check(PresentedDocument d, String path, LocalDate asOf) throws DocumentInputException {
        Optional<LocalDate> issued = d.issuedOn().date();
        Optional<LocalDate> until = d.validUntil().date();
        if (issued.isPresent() && until.isPresent() && until.get().isBefore(issued.get())) {
            throw new DocumentInputException(path + ".validUntil: 有効期限 " + until.get() + " が交付日 issuedOn " + issued.get()
                    + " より前です。書類の日付を確かめてください。");
        }
        Optional<LocalDate> birth = d.birthDate().date();
        if (asOf != null && birth.isPresent() && birth.get().isAfter(asOf)) {
            throw new DocumentInputException(path + ".birthDate: 生年月日 " + birth.get() + " が判定日 " + asOf
                    + " より後です。生年月日か判定日（asOf / --as-of）を確かめてください。");
        }
    }
}
