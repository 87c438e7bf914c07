package jp.mynadesk.rules;

import jp.mynadesk.documents.PresentedDocument;

/** The numbers the claim goes out with: 保険者番号, 記号, 番号, 枝番 (記号 and 枝番 may be absent). */
public record InsuranceNumbers(String insurerNumber, String symbol, String number, String branch) {
    static InsuranceNumbers of(PresentedDocument d) {
        return new InsuranceNumbers(d.insurerNumber(), d.symbol(), d.number(), d.branch());
    }
}
