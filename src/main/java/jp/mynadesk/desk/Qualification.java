package jp.mynadesk.desk;

import java.time.LocalDate;

/**
 * The insurance a visit was accepted on, as the desk shows and records it: the service's answer, or the numbers
 * of the document when there was none.
 *
 * @param validity   資格有効性 1–6 as the service said it, or 0 when it comes from a document alone
 * @param ratio      負担割合 in percent (30 = 3割), or null when unknown
 * @param limitClass 限度額適用区分 code, or null when not given (no consent, or none)
 */
public record Qualification(int validity, String insurerNumber, String insurerName, String symbol, String number,
                            String branch, String name, LocalDate birthDate, Integer ratio, String limitClass) {

    /** The numbers to query the service by later (再照会). */
    public SearchNumbers numbers() {
        return new SearchNumbers(insurerNumber, symbol, number, branch, birthDate);
    }
}
