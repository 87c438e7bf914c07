package jp.mynadesk.oqs.server;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.mynadesk.oqs.ConsentCategory;
import jp.mynadesk.oqs.ConsentReceipt;
import jp.mynadesk.oqs.ConsentRequest;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.OqsErrorCodes;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.ReferenceClassification;
import jp.mynadesk.oqs.SegmentOfResult;
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.CertificateVerdict;

/**
 * {@code /consent}: the holder's answers to the consent questions, registered per institution after a card check
 * there, and the current consents a card answer carries.
 */
final class ConsentEndpoint {
    /** How long after a card check at an institution the holder's consent may be registered there. */
    static final Duration CONSENT_WINDOW = Duration.ofMinutes(10);
    static final Duration CONSENT_VALIDITY = Duration.ofHours(24);

    private final ServiceRules rules;
    private final Clock clock;
    private final InsuredRegistry registry;
    private final CertificateValidator validator;
    private final Map<String, Map<ConsentCategory, QualificationRecord.Consent>> consents = new ConcurrentHashMap<>();
    private final Map<String, Instant> recentCardChecks = new ConcurrentHashMap<>();

    ConsentEndpoint(ServiceRules rules, InsuredRegistry registry, CertificateValidator validator) {
        this.rules = rules;
        this.clock = rules.clock();
        this.registry = registry;
        this.validator = validator;
    }

    /** A card check at this institution opens the consent window for that card. */
    void cardChecked(String institution, X509Certificate cert, Instant at) {
        recentCardChecks.put(ServiceRules.cardKey(institution, cert), at);
    }

    ConsentReceipt registerConsent(ConsentRequest r) {
        Instant now = clock.instant();
        Optional<String> bad = ServiceRules.checkInstitution(r.medicalInstitutionCode());
        if (bad.isPresent()) {
            return consentError(r, OqsErrorCodes.BAD_INSTITUTION, bad.get());
        }
        X509Certificate cert;
        try {
            cert = CertificateValidator.parse(r.certificate());
        } catch (GeneralSecurityException | RuntimeException e) {
            return consentError(r, OqsErrorCodes.CERT_MALFORMED, "電子証明書を読み取れません");
        }
        CertificateVerdict verdict = validator.validate(cert);
        if (!verdict.usable()) {
            String[] e = ServiceRules.refusal(verdict);
            return consentError(r, e[0], e[1]);
        }
        if (verdict instanceof CertificateVerdict.ValidInGrace) {
            return consentError(r, OqsErrorCodes.CONSENT_NOT_AVAILABLE,
                    "電子証明書の猶予期間中は資格情報のみ利用でき、診療・薬剤情報等は共有できません");
        }
        Instant checked = recentCardChecks.get(ServiceRules.cardKey(r.medicalInstitutionCode(), cert));
        if (checked == null || now.isAfter(checked.plus(CONSENT_WINDOW))) {
            return consentError(r, OqsErrorCodes.CONSENT_NO_CARD_CHECK, "この医療機関で直前のカード資格確認がありません");
        }
        Optional<InsuredRegistry.Person> person = ServiceRules.subjectCn(cert).flatMap(registry::byCard);
        if (person.isEmpty()) {
            return consentError(r, OqsErrorCodes.CARD_NOT_REGISTERED, "このカードは健康保険証の利用登録がされていません");
        }
        Map<ConsentCategory, QualificationRecord.Consent> registered = new EnumMap<>(ConsentCategory.class);
        String consTime = OqsTime.timestamp(now);
        for (Map.Entry<ConsentCategory, Boolean> a : r.answers().entrySet()) {
            registered.put(a.getKey(), a.getValue()
                    ? new QualificationRecord.Consent(ConsentCategory.CONSENTED, consTime, OqsTime.timestamp(now.plus(CONSENT_VALIDITY)))
                    : new QualificationRecord.Consent(ConsentCategory.NOT_CONSENTED, consTime, null));
        }
        consents.compute(r.medicalInstitutionCode() + "/" + person.get().id(), (k, old) -> {
            Map<ConsentCategory, QualificationRecord.Consent> merged = new EnumMap<>(ConsentCategory.class);
            if (old != null) {
                merged.putAll(old);
            }
            merged.putAll(registered);
            return merged;
        });
        MessageHeader header = new MessageHeader(consTime, null, r.medicalInstitutionCode(), null, ReferenceClassification.CARD,
                SegmentOfResult.NORMAL, null, null, MessageHeader.UTF_8);
        return new ConsentReceipt(header, registered);
    }

    private ConsentReceipt consentError(ConsentRequest r, String code, String message) {
        return new ConsentReceipt(rules.errorHeader(null, r.medicalInstitutionCode(), null, ReferenceClassification.CARD, code, message), Map.of());
    }

    /** Current consents: 1 while within AvailableTime, 2 once expired, 0 when none or refused. */
    Map<ConsentCategory, QualificationRecord.Consent> consentsOf(String institution, InsuredRegistry.Person p, Instant now) {
        Map<ConsentCategory, QualificationRecord.Consent> stored = consents.getOrDefault(institution + "/" + p.id(), Map.of());
        Map<ConsentCategory, QualificationRecord.Consent> out = new EnumMap<>(ConsentCategory.class);
        for (ConsentCategory c : ConsentCategory.values()) {
            QualificationRecord.Consent s = stored.get(c);
            if (s == null) {
                out.put(c, new QualificationRecord.Consent(ConsentCategory.NOT_CONSENTED, null, null));
            } else if (ConsentCategory.CONSENTED.equals(s.flag())
                    && OqsTime.parseTimestamp(s.availableTime()).map(now::isAfter).orElse(true)) {
                out.put(c, new QualificationRecord.Consent(ConsentCategory.EXPIRED, s.consTime(), s.availableTime()));
            } else {
                out.put(c, s);
            }
        }
        return out;
    }
}
