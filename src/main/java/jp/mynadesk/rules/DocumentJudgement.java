package jp.mynadesk.rules;

import java.util.List;
import jp.mynadesk.documents.PresentedDocument;

/**
 * One document judged on its own. {@code basis} is set only when usable. An interim-online document is usable
 * although its reasons are not empty: the reasons are what the interim measure waives.
 */
public record DocumentJudgement(int index, PresentedDocument document, boolean usable, List<Reason> reasons, Basis basis) {
    public DocumentJudgement {
        reasons = List.copyOf(reasons);
    }

    /** The 保険者番号 is well formed and passes its check digit, and the 番号 is digits. */
    public boolean numbersPassCheck() {
        return !reasons.contains(Reason.BAD_CHECK_DIGIT) && InsurerNumber.isValid(document.insurerNumber())
                && DocumentJudge.isDigits(document.number());
    }
}
