package jp.mynadesk.oqs;

import jp.mynadesk.format.Coded;

/**
 * A card check: PIN mode (certificate + the card's signature over a challenge) or visual mode 目視 (certificate +
 * the staff member who compared the face; only from a terminal registered for it).
 *
 * @param certificate the 利用者証明用電子証明書, DER
 * @param challengeId PIN mode only
 * @param signature   PIN mode only: SHA256withRSA over the challenge nonce
 * @param terminalId  the 資格確認端末 sending the request (required for visual mode)
 * @param confirmedBy visual mode only: who compared the face with the card photo
 */
public record CardCheckRequest(
        Mode mode,
        String qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        byte[] certificate,
        String challengeId,
        byte[] signature,
        String terminalId,
        String confirmedBy,
        String characterCodeIdentifier) {

    public CardCheckRequest(Mode mode, String qualificationConfirmationDate, String medicalInstitutionCode,
                            String arbitraryFileIdentifier, byte[] certificate, String challengeId, byte[] signature,
                            String terminalId, String confirmedBy) {
        this(mode, qualificationConfirmationDate, medicalInstitutionCode, arbitraryFileIdentifier, certificate, challengeId,
                signature, terminalId, confirmedBy, null);
    }

    public enum Mode implements Coded {
        PIN("1"), VISUAL("2");

        private final String code;

        Mode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Mode fromCode(String code) throws OqsFormatException {
            return Coded.find(values(), code).orElseThrow(() -> new OqsFormatException("AuthenticationMode must be 1 (PIN) or 2 (visual), got " + SegmentOfResult.quote(code)));
        }
    }

    public CardCheckRequest {
        certificate = certificate == null ? null : certificate.clone();
        signature = signature == null ? null : signature.clone();
    }

    public static CardCheckRequest pin(String date, String institution, String fileId, byte[] certificate,
                                       String challengeId, byte[] signature, String terminalId) {
        return new CardCheckRequest(Mode.PIN, date, institution, fileId, certificate, challengeId, signature, terminalId, null);
    }

    public static CardCheckRequest visual(String date, String institution, String fileId, byte[] certificate,
                                          String terminalId, String confirmedBy) {
        return new CardCheckRequest(Mode.VISUAL, date, institution, fileId, certificate, null, null, terminalId, confirmedBy);
    }

    @Override
    public byte[] certificate() {
        return certificate == null ? null : certificate.clone();
    }

    @Override
    public byte[] signature() {
        return signature == null ? null : signature.clone();
    }

    @Override
    public String toString() {
        return "CardCheckRequest[" + mode + ", " + medicalInstitutionCode + ", terminal " + terminalId + "]";
    }
}
