package jp.mynadesk.oqs.server;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.mynadesk.oqs.CardCheckRequest;
import jp.mynadesk.oqs.CharacterCode;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.OqsErrorCodes;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.ProcessingResultStatus;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.ReferenceClassification;
import jp.mynadesk.oqs.SegmentOfResult;
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.CertificateVerdict;

/** {@code /card}: the check with the card's 利用者証明用 certificate (PIN with a signed challenge, or visual). */
final class CardCheckEndpoint {
    private final ServiceRules rules;
    private final Clock clock;
    private final InsuredRegistry registry;
    private final CertificateValidator validator;
    private final ChallengeEndpoint challenges;
    private final ConsentEndpoint consents;
    private volatile Consumer<QualificationResponse> faceSink = r -> { };

    CardCheckEndpoint(ServiceRules rules, InsuredRegistry registry, CertificateValidator validator,
                      ChallengeEndpoint challenges, ConsentEndpoint consents) {
        this.rules = rules;
        this.clock = rules.clock();
        this.registry = registry;
        this.validator = validator;
        this.challenges = challenges;
        this.consents = consents;
    }

    void onCardCheck(Consumer<QualificationResponse> sink) {
        this.faceSink = sink;
    }

    QualificationResponse checkCard(CardCheckRequest r) {
        Instant now = clock.instant();
        Optional<String> badHeader = ServiceRules.checkInstitution(r.medicalInstitutionCode());
        if (badHeader.isPresent()) {
            return cardError(r, OqsErrorCodes.BAD_INSTITUTION, badHeader.get());
        }
        LocalDate date = ServiceRules.confirmationDate(r.qualificationConfirmationDate(), now);
        if (date == null) {
            return cardError(r, OqsErrorCodes.MALFORMED_REQUEST, "資格確認日が不正です（yyyyMMdd）");
        }
        X509Certificate cert;
        try {
            cert = CertificateValidator.parse(r.certificate());
        } catch (GeneralSecurityException | RuntimeException e) {
            return cardError(r, OqsErrorCodes.CERT_MALFORMED, "電子証明書を読み取れません");
        }
        byte[] nonce = null;
        if (r.mode() == CardCheckRequest.Mode.PIN) {
            ChallengeEndpoint.Pending c = challenges.take(r.challengeId());
            if (c == null) {
                return cardError(r, OqsErrorCodes.CHALLENGE_UNKNOWN, "チャレンジが不明または使用済みです");
            }
            if (now.isAfter(c.expiresAt())) {
                return cardError(r, OqsErrorCodes.CHALLENGE_EXPIRED, "チャレンジの有効期限が切れています");
            }
            nonce = c.nonce();
        } else {
            if (!registry.visualAllowed(r.medicalInstitutionCode(), r.terminalId())) {
                return cardError(r, OqsErrorCodes.VISUAL_NOT_ALLOWED, "この端末は目視確認の利用登録がありません");
            }
            if (r.confirmedBy() == null || r.confirmedBy().isBlank()) {
                return cardError(r, OqsErrorCodes.VISUAL_NO_STAFF, "目視確認を行った職員が入力されていません");
            }
        }
        // a smartphone's certificate has no grace after expiry (docs/RULES.md §3.1)
        CertificateVerdict verdict = validator.grace(!ServiceRules.subjectCn(cert).map(registry::smartphoneCertificate)
                .orElse(false)).validate(cert);
        if (!verdict.usable()) {
            String[] e = ServiceRules.refusal(verdict);
            return cardError(r, e[0], e[1]);
        }
        if (nonce != null && (r.signature() == null || !CertificateValidator.verifies(cert, nonce, r.signature()))) {
            return cardError(r, OqsErrorCodes.SIGNATURE_INVALID, "署名を検証できません（カードの鍵が証明書と一致しません）");
        }
        Optional<InsuredRegistry.Person> person = ServiceRules.subjectCn(cert).flatMap(registry::byCard);
        if (person.isEmpty()) {
            return cardError(r, OqsErrorCodes.CARD_NOT_REGISTERED, "このカードは健康保険証の利用登録がされていません");
        }
        boolean grace = verdict instanceof CertificateVerdict.ValidInGrace;
        consents.cardChecked(r.medicalInstitutionCode(), cert, now);
        QualificationAnswers.Resolution res = QualificationAnswers.resolve(person.get().qualifications().stream()
                .map(q -> new InsuredRegistry.Match(person.get(), q)).toList(), date);
        List<QualificationRecord> records = new ArrayList<>();
        for (InsuredRegistry.Match m : res.matches()) {
            records.add(QualificationAnswers.record(m, date, now, QualificationAnswers.Route.CARD, r.medicalInstitutionCode(),
                    null, grace ? null : consents.consentsOf(r.medicalInstitutionCode(), m.person(), now),
                    registry.referenceNumber(r.medicalInstitutionCode(), m.qualification()).orElse(null))
                    .withMedicalSubsidies(QualificationAnswers.subsidiesOf(m.person(), date)));
        }
        String code = null;
        String message = null;
        if (grace) {
            code = OqsErrorCodes.WARN_CERT_IN_GRACE;
            message = verdict.warning().orElse("");
        } else if (verdict instanceof CertificateVerdict.ExpiringSoon) {
            code = OqsErrorCodes.WARN_CERT_EXPIRING;
            message = verdict.warning().orElse("");
        }
        MessageHeader header = new MessageHeader(OqsTime.timestamp(now), OqsTime.date(date), r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier(), ReferenceClassification.CARD, SegmentOfResult.NORMAL, null, null,
                CharacterCode.answerFor(r.characterCodeIdentifier()));
        QualificationResponse response = new QualificationResponse(header, ProcessingResultStatus.NORMAL, code, message,
                res.validity(), null, null, records);
        faceSink.accept(response);
        return response;
    }

    private QualificationResponse cardError(CardCheckRequest r, String code, String message) {
        return new QualificationResponse(rules.errorHeader(r.qualificationConfirmationDate(), r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier(), ReferenceClassification.CARD, code, message, r.characterCodeIdentifier()),
                null, null, null, null, null, null, List.of());
    }
}
