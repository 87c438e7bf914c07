package jp.mynadesk.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of {@link FallbackRules#decide}. {@code basis}, {@code claim}, {@code acceptedDocument} and
 * {@code insurance} are null where docs/RULES.md §4 says there is none. {@code insuranceFromDocument} says which
 * document the declared numbers were taken from.
 */
public record FallbackDecision(
        LocalDate asOf,
        boolean onlineAvailable,
        Decision decision,
        Basis basis,
        Integer acceptedDocument,
        InsuranceNumbers insurance,
        Integer insuranceFromDocument,
        Claim claim,
        boolean recheck,
        boolean onlineQuery,
        CardJudgement card,
        List<DocumentJudgement> documents) {

    public FallbackDecision {
        documents = List.copyOf(documents);
    }

    public DocumentJudgement accepted() {
        return acceptedDocument == null ? null : documents.get(acceptedDocument);
    }
}
