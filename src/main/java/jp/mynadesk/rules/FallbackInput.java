package jp.mynadesk.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import jp.mynadesk.documents.PresentedDocument;

/** Everything the fallback decision is made from; the date comes from the caller, never the clock. */
public record FallbackInput(LocalDate asOf, boolean onlineAvailable, PresentedCard card, List<PresentedDocument> documents) {
    public FallbackInput {
        Objects.requireNonNull(asOf, "asOf");
        card = card == null ? PresentedCard.NONE : card;
        documents = List.copyOf(documents);
    }
}
