package jp.mynadesk.oqs;

import java.util.Map;

/**
 * Consent registration after a successful card check at the same institution: yes/no per category. The card's
 * certificate identifies the holder; the service accepts it only shortly after that card was checked there.
 */
public record ConsentRequest(String medicalInstitutionCode, byte[] certificate, Map<ConsentCategory, Boolean> answers) {
    public ConsentRequest {
        certificate = certificate.clone();
        answers = Map.copyOf(answers);
    }

    @Override
    public byte[] certificate() {
        return certificate.clone();
    }
}
