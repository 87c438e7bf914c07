package jp.mynadesk.desk;

import java.util.Optional;
import jp.mynadesk.format.Coded;

/**
 * Every reason a check ends as it does, and every warning (docs/DESK.md, reason codes). The codes are a JSON
 * contract; what staff read for each (what happened and the next step) is in the catalogue, {@link StaffText}.
 */
public enum ReasonCode implements Coded {
    CARD_REMOVED("card-removed"),
    READER_UNAVAILABLE("reader-unavailable"),
    NOT_JPKI_CARD("not-jpki-card"),
    WRONG_PIN("wrong-pin"),
    PIN_FORMAT("pin-format"),
    PIN_LAST_TRY("pin-last-try"),
    PIN_BLOCKED("pin-blocked"),
    PIN_NOT_SET("pin-not-set"),
    CERTIFICATE_EXPIRING("certificate-expiring"),
    CERTIFICATE_IN_GRACE("certificate-in-grace"),
    CERTIFICATE_EXPIRED("certificate-expired"),
    PHONE_CERTIFICATE_EXPIRED("phone-certificate-expired"),
    SUBSIDY_NOT_ANSWERED("subsidy-not-answered"),
    NAME_UNSHOWN_CHARACTERS("name-unshown-characters"),
    CERTIFICATE_REVOKED("certificate-revoked"),
    CERTIFICATE_UNTRUSTED("certificate-untrusted"),
    CARD_NOT_REGISTERED("card-not-registered"),
    SERVICE_OFFLINE("service-offline"),
    SERVICE_REJECTED("service-rejected"),
    QUALIFICATION_LOST("qualification-lost"),
    QUALIFICATION_LOST_HAS_OTHER("qualification-lost-has-other"),
    QUALIFICATION_NOT_FOUND("qualification-not-found"),
    MULTIPLE_MATCHES("multiple-matches"),
    BAD_FORMAT(jp.mynadesk.rules.Reason.BAD_FORMAT),
    BAD_CHECK_DIGIT(jp.mynadesk.rules.Reason.BAD_CHECK_DIGIT),
    NOT_YET_VALID(jp.mynadesk.rules.Reason.NOT_YET_VALID),
    LOST(jp.mynadesk.rules.Reason.LOST),
    EXPIRED(jp.mynadesk.rules.Reason.EXPIRED),
    OLD_CARD_ABOLISHED(jp.mynadesk.rules.Reason.OLD_CARD_ABOLISHED),
    NEEDS_CARD(jp.mynadesk.rules.Reason.NEEDS_CARD),
    SUPERSEDED(jp.mynadesk.rules.Reason.SUPERSEDED),
    CARD_CERTIFICATE_EXPIRED(jp.mynadesk.rules.Reason.CARD_CERTIFICATE_EXPIRED),
    NO_USABLE_DOCUMENT("no-usable-document"),
    CANCELLED("cancelled"),
    RECORD_UNAVAILABLE("record-unavailable");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    /** A reason of the document rules keeps the code it has there: written once, in {@link jp.mynadesk.rules.Reason}. */
    ReasonCode(jp.mynadesk.rules.Reason reason) {
        this(reason.code());
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<ReasonCode> fromCode(String code) {
        return Coded.find(values(), code);
    }

    /** The desk's code for a reason of the document rules: the same code, as a compiler-checked switch. */
    public static ReasonCode of(jp.mynadesk.rules.Reason r) {
        return switch (r) {
            case BAD_FORMAT -> BAD_FORMAT;
            case BAD_CHECK_DIGIT -> BAD_CHECK_DIGIT;
            case NOT_YET_VALID -> NOT_YET_VALID;
            case LOST -> LOST;
            case EXPIRED -> EXPIRED;
            case OLD_CARD_ABOLISHED -> OLD_CARD_ABOLISHED;
            case NEEDS_CARD -> NEEDS_CARD;
            case SUPERSEDED -> SUPERSEDED;
            case CARD_CERTIFICATE_EXPIRED -> CARD_CERTIFICATE_EXPIRED;
        };
    }
}
