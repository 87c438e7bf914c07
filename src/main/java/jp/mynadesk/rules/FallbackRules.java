package jp.mynadesk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline document fallback (docs/RULES.md §4): judge the card and each document, choose among the usable
 * ones, and decide accept / accept-with-declaration / reject. Pure: same input, same decision.
 */
public final class FallbackRules {
    private FallbackRules() {}

    /**
     * Which usable document to go by: the stronger basis; among equals the newest 交付年月日 (a document without one
     * counts as oldest); then the order presented. One method rather than {@code Comparator} combinators, which spin
     * a class each on a cold JVM (about 10 ms of a one-shot {@code docs check}; docs/ARCHITECTURE.md, "Start-up").
     */
    private static int preference(DocumentJudgement a, DocumentJudgement b) {
        int byBasis = a.basis().compareTo(b.basis());
        return byBasis != 0 ? byBasis : newestFirst(a, b);
    }

    /** Newest 交付年月日 first; a document without one counts as oldest; then the order presented. */
    private static int newestFirst(DocumentJudgement a, DocumentJudgement b) {
        int byIssue = issued(b).compareTo(issued(a));
        return byIssue != 0 ? byIssue : Integer.compare(a.index(), b.index());
    }

    private static LocalDate issued(DocumentJudgement j) {
        return j.document().issuedOn().date().orElse(LocalDate.MIN);
    }

    public static FallbackDecision decide(FallbackInput in) {
        CardJudgement card = CardJudgement.of(in.card(), in.asOf());
        DocumentJudge judge = new DocumentJudge(in.asOf(), in.onlineAvailable(), card.usable(), in.documents());
        List<DocumentJudgement> judged = new ArrayList<>();
        for (int i = 0; i < in.documents().size(); i++) {
            judged.add(judge.judge(i));
        }

        Optional<DocumentJudgement> chosen = judged.stream()
                .filter(DocumentJudgement::usable)
                .min(FallbackRules::preference);

        boolean online = in.onlineAvailable();
        if (chosen.isPresent()) {
            DocumentJudgement c = chosen.get();
            return new FallbackDecision(in.asOf(), online, Decision.ACCEPT, c.basis(), c.index(),
                    InsuranceNumbers.of(c.document()), c.index(), Claim.NORMAL, !online, online, card, judged);
        }
        if (card.usable()) {
            // 被保険者資格申立書: an older qualification's numbers are better than none (a 不詳請求).
            Optional<DocumentJudgement> numbers = judged.stream().filter(DocumentJudgement::numbersPassCheck).min(FallbackRules::newestFirst);
            return new FallbackDecision(in.asOf(), online, Decision.ACCEPT_WITH_DECLARATION, Basis.DECLARATION, null,
                    numbers.map(j -> InsuranceNumbers.of(j.document())).orElse(null),
                    numbers.map(DocumentJudgement::index).orElse(null),
                    numbers.isPresent() ? Claim.DECLARED : Claim.UNKNOWN_INSURER, !online, online, card, judged);
        }
        return new FallbackDecision(in.asOf(), online, Decision.REJECT, null, null, null, null, null, false, false, card, judged);
    }
}
