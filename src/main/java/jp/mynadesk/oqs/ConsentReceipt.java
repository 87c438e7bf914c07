package jp.mynadesk.oqs;

import java.util.Map;

/** What the service registered: per category the flag, ConsTime and AvailableTime (ConsTime + 24 h). */
public record ConsentReceipt(MessageHeader header, Map<ConsentCategory, QualificationRecord.Consent> consents) {
    public ConsentReceipt {
        consents = Map.copyOf(consents);
    }
}
