package jp.mynadesk.desk;

import java.time.LocalDate;
import java.util.List;
import jp.mynadesk.oqs.CopaymentRatio;
import jp.mynadesk.oqs.OqsErrorCodes;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.QualificationValidity;

/** What the service's answer to a 資格確認 means at the desk: a qualification, or the reason there is none. */
final class ServiceAnswers {
    private ServiceAnswers() {}

    /** Either the confirmed qualification or why not. */
    sealed interface Answer {
        record Confirmed(Qualification qualification) implements Answer {}

        /** @param serviceAvailable false when the service could not be asked (offline fallback applies) */
        record Refused(Reason reason, boolean serviceAvailable) implements Answer {}
    }

    /**
     * Every kind of result, each on purpose; a new kind fails SealedHierarchiesTest until it is handled here (Java 17
     * has no switch over a sealed type), instead of being taken for an outage.
     */
    static Answer of(OqsResult<QualificationResponse> result) {
        if (result instanceof OqsResult.Ok<QualificationResponse> ok) {
            return of(ok.value());
        }
        if (result instanceof OqsResult.Rejected<QualificationResponse> r) {
            return new Answer.Refused(Reason.of(rejection(r.errorCode())), true);
        }
        if (result instanceof OqsResult.Unavailable || result instanceof OqsResult.Offline
                || result instanceof OqsResult.Malformed) {
            // down, the breaker open, or an answer we cannot trust: the service is down for this check
            return new Answer.Refused(Reason.of(ReasonCode.SERVICE_OFFLINE), false);
        }
        throw new IllegalStateException("service result not handled: " + result);
    }

    static Answer of(QualificationResponse response) {
        QualificationValidity validity = response.qualificationValidity();
        if (validity == null) {
            String code = response.processingResultCode();
            return new Answer.Refused(Reason.of(code == null ? ReasonCode.SERVICE_REJECTED : rejection(code)), true);
        }
        return switch (validity) {
            case VALID, VALID_UNREGISTERED -> response.results().isEmpty()
                    ? new Answer.Refused(Reason.of(ReasonCode.SERVICE_REJECTED), true)
                    : new Answer.Confirmed(qualification(validity, response.results().get(0)));
            case INVALID -> new Answer.Refused(Reason.of(ReasonCode.QUALIFICATION_LOST), true);
            case INVALID_NEW_QUALIFICATION -> new Answer.Refused(Reason.of(ReasonCode.QUALIFICATION_LOST_HAS_OTHER), true);
            case NOT_FOUND -> new Answer.Refused(Reason.of(ReasonCode.QUALIFICATION_NOT_FOUND), true);
            case MULTIPLE -> new Answer.Refused(Reason.of(ReasonCode.MULTIPLE_MATCHES), true);
        };
    }

    /**
     * The service's error codes (docs/OQS-MOCK.md) that mean something specific at the desk. The codes are the
     * service's strings, not a type of ours: any other is {@code service-rejected} by the contract (docs/DESK.md),
     * shown with the service's own code.
     */
    static ReasonCode rejection(String errorCode) {
        return switch (errorCode) {
            case OqsErrorCodes.CARD_NOT_REGISTERED -> ReasonCode.CARD_NOT_REGISTERED;
            case OqsErrorCodes.CERT_REVOKED -> ReasonCode.CERTIFICATE_REVOKED;
            case OqsErrorCodes.CERT_EXPIRED -> ReasonCode.CERTIFICATE_EXPIRED;
            case OqsErrorCodes.CERT_MALFORMED, OqsErrorCodes.CERT_WRONG_ISSUER, OqsErrorCodes.CERT_NOT_YET_VALID,
                 OqsErrorCodes.CERT_KEY_USAGE, OqsErrorCodes.SIGNATURE_INVALID -> ReasonCode.CERTIFICATE_UNTRUSTED;
            default -> ReasonCode.SERVICE_REJECTED;
        };
    }

    static Qualification qualification(QualificationValidity validity, QualificationRecord r) {
        return new Qualification(Integer.parseInt(validity.code()), strip(r.insurerNumber()), r.insurerName(),
                r.insuredCardSymbol(), r.insuredIdentificationNumber(), r.insuredBranchNumber(), r.name(),
                OqsTime.parseDate(r.birthdate()).orElse(null), ratio(r),
                r.limitApplication() == null ? null : r.limitApplication().classificationFlag());
    }

    /** The 医療費助成 受給者証 a confirmed card answer offers (PMH), empty when none or not confirmed. */
    static List<Subsidy> subsidies(OqsResult<QualificationResponse> result) {
        if (result instanceof OqsResult.Ok<QualificationResponse> ok && !ok.value().results().isEmpty()) {
            return ok.value().results().get(0).medicalSubsidies().stream()
                    .map(m -> new Subsidy(m.name(), m.publicExpenseNumber(), m.beneficiaryNumber())).toList();
        }
        return List.of();
    }

    /** 負担割合 in percent (30 = 3割), from the field that carries it for the patient's age group. */
    static Integer ratio(QualificationRecord r) {
        return CopaymentRatio.of(r).map(Integer::parseInt).orElse(null);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    static LocalDate date(String yyyymmdd) {
        return OqsTime.parseDate(yyyymmdd).orElse(null);
    }
}
