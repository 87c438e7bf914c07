package jp.mynadesk.oqs.server;

import jp.mynadesk.oqs.CharacterCode;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.OqsFormatException;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.ReferenceClassification;
import jp.mynadesk.oqs.SegmentOfResult;
import jp.mynadesk.oqs.XmlNode;

/**
 * What every answer repeats from its request's header (docs/OQS-MOCK.md §2.9):
 * 資格確認日, 医療機関コード, 任意のファイル識別子, the 照会区分 of the endpoint and the 文字コード asked for. Read
 * leniently, so an answer that refuses the request (or a fault that replaces it) can still say what it answers.
 */
record RequestEcho(String qualificationConfirmationDate, String medicalInstitutionCode, String arbitraryFileIdentifier,
                   ReferenceClassification referenceClassification, String characterCodeIdentifier) {

    static final RequestEcho NONE = new RequestEcho(null, null, null, null, null);

    /** The header of {@code body} as far as it can be read; {@link #NONE} parts where it cannot. */
    static RequestEcho of(String endpoint, byte[] body) {
        ReferenceClassification ref = switch (endpoint) {
            case "card", "consent" -> ReferenceClassification.CARD;
            case "qualification" -> ReferenceClassification.NUMBERS;
            default -> null;
        };
        XmlNode header = null;
        if (body != null && body.length > 0) {
            try {
                header = XmlNode.parse(body).child("MessageHeader").orElse(null);
            } catch (OqsFormatException | RuntimeException e) {
                header = null;
            }
        }
        if (header == null) {
            return new RequestEcho(null, null, null, ref, null);
        }
        try {
            return new RequestEcho(short30(header.text("QualificationConfirmationDate")),
                    short30(header.text("MedicalInstitutionCode")), short30(header.text("ArbitraryFileIdentifier")), ref,
                    CharacterCode.identifierOf(header.text("CharacterCodeIdentifier")));
        } catch (OqsFormatException e) {
            return new RequestEcho(null, null, null, ref, null);
        }
    }

    /** An error header (SegmentOfResult 9) that repeats this request's header. */
    MessageHeader error(java.time.Clock clock, String code, String message) {
        return new MessageHeader(OqsTime.timestamp(clock.instant()), qualificationConfirmationDate, medicalInstitutionCode,
                arbitraryFileIdentifier, referenceClassification, SegmentOfResult.ABNORMAL, code, message,
                characterCodeIdentifier == null ? MessageHeader.UTF_8 : characterCodeIdentifier);
    }

    /** Echoed values are the request's own, but never longer than a header value can sensibly be. */
    private static String short30(String s) {
        return s == null || s.length() <= 64 ? s : s.substring(0, 64);
    }
}
