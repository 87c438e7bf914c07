package jp.mynadesk.desk;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The patient's answers to the information-sharing questions at one visit.
 *
 * @param registered     the service registered them (false: answered but not registered, or sharing not allowed)
 * @param availableUntil the end of the 24-hour window the clinic may see the shared information, or null
 * @param revokedAt      when the patient withdrew the consent, or null
 */
public record ConsentRecord(boolean registered, ConsentSource source, OffsetDateTime registeredAt,
                            OffsetDateTime availableUntil, Map<SharingCategory, Boolean> categories,
                            OffsetDateTime revokedAt) {
    public ConsentRecord {
        categories = Map.copyOf(categories);
    }
}
