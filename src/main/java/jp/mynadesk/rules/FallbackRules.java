package jp.mynadesk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The offline document fallback (docs/RULES.md §4): judge the card and each document, choose among the usable
 * ones, and decide accept / accept-with-declaration / reject. Pure: same input, same decision.
 */
public final class FallbackRules {
    private FallbackRules() {}

    /** Newest 交付年月日 first; a document without one counts as oldest; then the order presented. */
    private static final Comparator<DocumentJudgement> NEWEST_FIRST = Comparator
            .comparing((DocumentJudgement j) -> j.document().issuedOn().date().orElse(LocalDate.MIN), Comparator.reverseOrder())
            .thenComparingInt(DocumentJudgement::index);

    public static FallbackDecision decide(FallbackInput in) {
        CardJudgement card = CardJudgement.of(in.card(), in.asOf());
        DocumentJudge judge = new DocumentJudge(in.asOf(), in.onlineAvailable(), card.usable(), in.documents());
        List<DocumentJudgement> judged = new ArrayList<>();
        for (int i = 0; i < in.documents().size(); i++) {
            judged.add(judge.judge(i));
        }

        Optional<DocumentJudgement> chosen = judged.stream()
                .filter(DocumentJudgement::usable)
                .min(Comparator.comparing(DocumentJudgement::basis).thenComparing(NEWEST_FIRST));

        boolean online = in.onlineAvailable();
        if (chosen.isPresent()) {
            DocumentJudgement c = chosen.get();
            return new FallbackDecision(in.asOf(), online, Decision.ACCEPT, c.basis(), c.index(),
                    InsuranceNumbers.of(c.document()), c.index(), Claim.NORMAL, !online, online, card, judged);
        }
        if (card.usable()) {
            // 被保険者資格申立書: an older qualification's numbers are better than none (a 不詳請求).
            Optional<DocumentJudgement> numbers = judged.stream().filter(DocumentJudgement::numbersPassCheck).min(NEWEST_FIRST);
            return new FallbackDecision(in.asOf(), online, Decision.ACCEPT_WITH_DECLARATION, Basis.DECLARATION, null,
                    numbers.map(j -> InsuranceNumbers.of(j.document())).orElse(null),
                    numbers.map(DocumentJudgement::index).orElse(null),
                    numbers.isPresent() ? Claim.DECLARED : Claim.UNKNOWN_INSURER, !online, online, card, judged);
        }
        return new FallbackDecision(in.asOf(), online, Decision.REJECT, null, null, null, null, null, false, false, card, judged);
    }
}
