package jp.mynadesk.oqs.server;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.mynadesk.oqs.CharacterCode;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.OqsErrorCodes;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.ProcessingResultStatus;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.QualificationValidity;
import jp.mynadesk.oqs.ReferenceClassification;
import jp.mynadesk.oqs.SegmentOfResult;

/** {@code /qualification}: the query by the numbers on a card or certificate (also one person of a batch). */
final class LookupEndpoint {
    private final ServiceRules rules;
    private final Clock clock;
    private final InsuredRegistry registry;

    LookupEndpoint(ServiceRules rules, InsuredRegistry registry) {
        this.rules = rules;
        this.clock = rules.clock();
        this.registry = registry;
    }

    QualificationResponse query(QualificationRequest r) {
        Instant now = clock.instant();
        Optional<String> badHeader = ServiceRules.checkInstitution(r.medicalInstitutionCode());
        LocalDate date = ServiceRules.confirmationDate(r.qualificationConfirmationDate(), now);
        if (badHeader.isPresent() || date == null) {
            return new QualificationResponse(rules.errorHeader(r.qualificationConfirmationDate(), r.medicalInstitutionCode(),
                    r.arbitraryFileIdentifier(), ReferenceClassification.NUMBERS,
                    badHeader.isPresent() ? OqsErrorCodes.BAD_INSTITUTION : OqsErrorCodes.MALFORMED_REQUEST,
                    badHeader.orElse("資格確認日が不正です（yyyyMMdd）"), r.characterCodeIdentifier()),
                    null, null, null, null, null, null, List.of());
        }
        MessageHeader header = new MessageHeader(OqsTime.timestamp(now), OqsTime.date(date), r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier(), ReferenceClassification.NUMBERS, SegmentOfResult.NORMAL, null, null,
                CharacterCode.answerFor(r.characterCodeIdentifier()));
        PersonOutcome o = lookUp(r.medicalInstitutionCode(), r.searchInfo(), date, now);
        return new QualificationResponse(header, o.status(), o.code(), o.message(), o.validity(), null,
                r.searchInfo(), o.records());
    }

    record PersonOutcome(ProcessingResultStatus status, String code, String message,
                         QualificationValidity validity, List<QualificationRecord> records) {}

    PersonOutcome lookUp(String institution, QualificationSearchInfo info, LocalDate date, Instant now) {
        Optional<String> problem = checkSearchInfo(info);
        if (problem.isPresent()) {
            return new PersonOutcome(ProcessingResultStatus.ERROR, OqsErrorCodes.BAD_SEARCH_INFO, problem.get(), null, List.of());
        }
        LocalDate birth = OqsTime.parseDate(info.birthdate()).orElseThrow();
        List<InsuredRegistry.Match> matches = registry.byNumbers(info, birth);
        QualificationAnswers.Resolution res = QualificationAnswers.resolve(matches, date);
        List<QualificationRecord> records = new ArrayList<>();
        for (InsuredRegistry.Match m : res.matches()) {
            records.add(QualificationAnswers.record(m, date, now, info.limitConsent()
                            ? QualificationAnswers.Route.NUMBERS_CONSENTED : QualificationAnswers.Route.NUMBERS,
                    institution, info.arbitraryIdentifier(), null, registry.referenceNumber(institution, m.qualification()).orElse(null)));
        }
        return new PersonOutcome(ProcessingResultStatus.NORMAL, null, null, res.validity(), records);
    }

    private static Optional<String> checkSearchInfo(QualificationSearchInfo s) {
        if (s == null) {
            return Optional.of("照会条件がありません");
        }
        String insurer = s.insurerNumber() == null ? "" : s.insurerNumber().strip();
        if (!insurer.matches("\\d{6}|\\d{8}")) {
            return Optional.of("保険者番号は6桁または8桁の数字です");
        }
        if (s.insuredIdentificationNumber() == null || s.insuredIdentificationNumber().isBlank()) {
            return Optional.of("被保険者証番号がありません");
        }
        if (s.insuredBranchNumber() != null && !s.insuredBranchNumber().isBlank() && !s.insuredBranchNumber().strip().matches("\\d{2}")) {
            return Optional.of("枝番は2桁の数字です");
        }
        if (OqsTime.parseDate(s.birthdate()).isEmpty()) {
            return Optional.of("生年月日が不正です（yyyyMMdd）");
        }
        String flag = s.limitApplicationCertificateRelatedConsFlg();
        if (flag != null && !flag.equals("0") && !flag.equals("1")) {
            return Optional.of("限度額適用認定証提供同意フラグは0または1です");
        }
        return Optional.empty();
    }
}
