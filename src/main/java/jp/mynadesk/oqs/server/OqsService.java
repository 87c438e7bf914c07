package jp.mynadesk.oqs.server;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jp.mynadesk.oqs.BatchDownloadRequest;
import jp.mynadesk.oqs.BatchReception;
import jp.mynadesk.oqs.BatchRequest;
import jp.mynadesk.oqs.BatchResult;
import jp.mynadesk.oqs.CardCheckRequest;
import jp.mynadesk.oqs.Challenge;
import jp.mynadesk.oqs.ConsentCategory;
import jp.mynadesk.oqs.ConsentReceipt;
import jp.mynadesk.oqs.ConsentRequest;
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
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.CertificateVerdict;
import jp.mynadesk.pki.CrlIssuer;
import jp.mynadesk.pki.RevocationStatus;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.pki.TrustAnchors;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * The mock オンライン資格確認 service's behaviour, independent of transport: the HTTP server and the req/res/face folder
 * interface both call it. Time comes from the injected clock only.
 */
public final class OqsService {
    /** How long after a card check at an institution the holder's consent may be registered there. */
    static final Duration CONSENT_WINDOW = Duration.ofMinutes(10);
    static final Duration CONSENT_VALIDITY = Duration.ofHours(24);
    private static final int MAX_PENDING_CHALLENGES = 100_000;
    /** How long a batch result can be fetched after its upload (mock; the real retention is not public). */
    static final Duration BATCH_RETENTION = Duration.ofHours(24);
    /**
     * Most people held in all retained batches together; the oldest batches are dropped first beyond it, so uploads
     * alone cannot exhaust the heap (about 2 KB per retained person).
     */
    static final int MAX_RETAINED_PEOPLE = 20 * BatchRequest.MAX_PEOPLE;

    private final Clock clock;
    private final InsuredRegistry registry;
    private final TestCa ca;
    private final CertificateValidator validator;
    private final Duration challengeTtl;
    private final Duration batchProcessingTime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PendingChallenge> challenges = new ConcurrentHashMap<>();
    private final Map<String, Map<ConsentCategory, QualificationRecord.Consent>> consents = new ConcurrentHashMap<>();
    private final Map<String, Instant> recentCardChecks = new ConcurrentHashMap<>();
    /** Retained batches, oldest first; guarded by itself. */
    private final LinkedHashMap<String, BatchJob> batches = new LinkedHashMap<>();
    private int retainedPeople;
    private final AtomicLong batchSequence = new AtomicLong();
    private volatile Consumer<QualificationResponse> faceSink = r -> { };

    private record PendingChallenge(byte[] nonce, Instant expiresAt) {}

    private record BatchJob(String receptionNumber, BatchRequest request, Instant receivedAt, Instant readyAt) {
        int people() {
            return request.searchInfos().size();
        }
    }

    public OqsService(Clock clock, InsuredRegistry registry, TestCa ca, Duration challengeTtl, Duration batchProcessingTime) {
        this.clock = clock;
        this.registry = registry;
        this.ca = ca;
        this.challengeTtl = challengeTtl;
        this.batchProcessingTime = batchProcessingTime;
        this.validator = new CertificateValidator(TrustAnchors.of(ca), this::revocation, clock);
    }

    public Clock clock() {
        return clock;
    }

    /** Card check results are also delivered here (the folder interface writes them into {@code face}). */
    void onCardCheck(Consumer<QualificationResponse> sink) {
        this.faceSink = sink;
    }

    // --- challenge and card checks ------------------------------------------------------------------

    public Challenge newChallenge() {
        Instant now = clock.instant();
        if (challenges.size() > MAX_PENDING_CHALLENGES) {
            challenges.values().removeIf(c -> now.isAfter(c.expiresAt()));
        }
        byte[] nonce = new byte[32];
        byte[] id = new byte[16];
        random.nextBytes(nonce);
        random.nextBytes(id);
        String challengeId = HexFormat.of().formatHex(id);
        Instant expiresAt = now.plus(challengeTtl);
        challenges.put(challengeId, new PendingChallenge(nonce, expiresAt));
        return new Challenge(challengeId, nonce, OqsTime.timestamp(expiresAt));
    }

    public MessageHeader okHeader() {
        return new MessageHeader(OqsTime.timestamp(clock.instant()), null, null, null, null, SegmentOfResult.NORMAL,
                null, null, MessageHeader.UTF_8);
    }

    public QualificationResponse checkCard(CardCheckRequest r) {
        Instant now = clock.instant();
        Optional<String> badHeader = checkInstitution(r.medicalInstitutionCode());
        if (badHeader.isPresent()) {
            return cardError(r, OqsErrorCodes.BAD_INSTITUTION, badHeader.get());
        }
        LocalDate date = confirmationDate(r.qualificationConfirmationDate(), now);
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
            PendingChallenge c = r.challengeId() == null ? null : challenges.remove(r.challengeId());
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
        CertificateVerdict verdict = validator.grace(!subjectCn(cert).map(registry::smartphoneCertificate).orElse(false))
                .validate(cert);
        if (!verdict.usable()) {
            String[] e = refusal(verdict);
            return cardError(r, e[0], e[1]);
        }
        if (nonce != null && (r.signature() == null || !CertificateValidator.verifies(cert, nonce, r.signature()))) {
            return cardError(r, OqsErrorCodes.SIGNATURE_INVALID, "署名を検証できません（カードの鍵が証明書と一致しません）");
        }
        Optional<InsuredRegistry.Person> person = subjectCn(cert).flatMap(registry::byCard);
        if (person.isEmpty()) {
            return cardError(r, OqsErrorCodes.CARD_NOT_REGISTERED, "このカードは健康保険証の利用登録がされていません");
        }
        boolean grace = verdict instanceof CertificateVerdict.ValidInGrace;
        recentCardChecks.put(cardKey(r.medicalInstitutionCode(), cert), now);
        Resolution res = resolve(person.get().qualifications().stream()
                .map(q -> new InsuredRegistry.Match(person.get(), q)).toList(), date);
        List<QualificationRecord> records = new ArrayList<>();
        for (InsuredRegistry.Match m : res.matches()) {
            records.add(record(m, date, now, true, null, grace ? null : consentsOf(r.medicalInstitutionCode(), m.person(), now))
                    .withMedicalSubsidies(subsidiesOf(m.person(), date)));
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
                r.arbitraryFileIdentifier(), ReferenceClassification.CARD, SegmentOfResult.NORMAL, null, null, MessageHeader.UTF_8);
        QualificationResponse response = new QualificationResponse(header, ProcessingResultStatus.NORMAL, code, message,
                res.validity(), null, null, records);
        faceSink.accept(response);
        return response;
    }

    /**
     * The person's 医療費助成 受給者証 valid on the confirmation date, for a card check only (PMH goes through the card;
     * the reader asks the patient whether to use them: docs/OQS-MOCK.md "医療費助成 (PMH)").
     */
    private static List<QualificationRecord.MedicalSubsidyInfo> subsidiesOf(InsuredRegistry.Person p, LocalDate date) {
        return p.subsidiesOn(date).stream().map(x -> new QualificationRecord.MedicalSubsidyInfo(x.name(),
                x.publicExpenseNumber(), x.beneficiaryNumber(), x.validFrom() == null ? null : OqsTime.date(x.validFrom()),
                x.validUntil() == null ? null : OqsTime.date(x.validUntil()))).toList();
    }

    private static String[] refusal(CertificateVerdict v) {
        if (v instanceof CertificateVerdict.Revoked) {
            return new String[] {OqsErrorCodes.CERT_REVOKED, "電子証明書は失効しています"};
        } else if (v instanceof CertificateVerdict.Expired e && e.expiry().equals(e.usableUntil())) {
            return new String[] {OqsErrorCodes.CERT_EXPIRED, "スマートフォン用電子証明書の有効期限（" + e.expiry()
                    + "）が切れています（スマートフォンには猶予期間がありません）"};
        } else if (v instanceof CertificateVerdict.Expired e) {
            return new String[] {OqsErrorCodes.CERT_EXPIRED, "電子証明書の有効期限（" + e.expiry() + "）が切れ、猶予期間（"
                    + e.usableUntil() + "まで）も過ぎています"};
        } else if (v instanceof CertificateVerdict.NotYetValid n) {
            return new String[] {OqsErrorCodes.CERT_NOT_YET_VALID, "電子証明書の有効期間が始まっていません（" + n.validFrom() + "から）"};
        } else if (v instanceof CertificateVerdict.WrongIssuer) {
            return new String[] {OqsErrorCodes.CERT_WRONG_ISSUER, "電子証明書の発行者が信頼できません"};
        } else if (v instanceof CertificateVerdict.BadKeyUsage) {
            return new String[] {OqsErrorCodes.CERT_KEY_USAGE, "電子証明書の鍵用途が利用者証明に適しません"};
        }
        return new String[] {OqsErrorCodes.CERT_MALFORMED, "電子証明書を検証できません: " + v.code()};
    }

    private QualificationResponse cardError(CardCheckRequest r, String code, String message) {
        return new QualificationResponse(errorHeader(r.qualificationConfirmationDate(), r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier(), ReferenceClassification.CARD, code, message), null, null, null, null, null, null, List.of());
    }

    public MessageHeader errorHeader(String date, String institution, String fileId, ReferenceClassification ref,
                                     String code, String message) {
        return new MessageHeader(OqsTime.timestamp(clock.instant()), date, institution, fileId, ref,
                SegmentOfResult.ABNORMAL, code, message, MessageHeader.UTF_8);
    }

    // --- numbers query ----------------------------------------------------------------------------

    public QualificationResponse query(QualificationRequest r) {
        Instant now = clock.instant();
        Optional<String> badHeader = checkInstitution(r.medicalInstitutionCode());
        LocalDate date = confirmationDate(r.qualificationConfirmationDate(), now);
        if (badHeader.isPresent() || date == null) {
            return new QualificationResponse(errorHeader(r.qualificationConfirmationDate(), r.medicalInstitutionCode(),
                    r.arbitraryFileIdentifier(), ReferenceClassification.NUMBERS,
                    badHeader.isPresent() ? OqsErrorCodes.BAD_INSTITUTION : OqsErrorCodes.MALFORMED_REQUEST,
                    badHeader.orElse("資格確認日が不正です（yyyyMMdd）")), null, null, null, null, null, null, List.of());
        }
        MessageHeader header = new MessageHeader(OqsTime.timestamp(now), OqsTime.date(date), r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier(), ReferenceClassification.NUMBERS, SegmentOfResult.NORMAL, null, null, MessageHeader.UTF_8);
        PersonOutcome o = lookUp(r.searchInfo(), date, now);
        return new QualificationResponse(header, o.status(), o.code(), o.message(), o.validity(), null,
                r.searchInfo(), o.records());
    }

    private record PersonOutcome(ProcessingResultStatus status, String code, String message,
                                 QualificationValidity validity, List<QualificationRecord> records) {}

    private PersonOutcome lookUp(QualificationSearchInfo info, LocalDate date, Instant now) {
        Optional<String> problem = checkSearchInfo(info);
        if (problem.isPresent()) {
            return new PersonOutcome(ProcessingResultStatus.ERROR, OqsErrorCodes.BAD_SEARCH_INFO, problem.get(), null, List.of());
        }
        LocalDate birth = OqsTime.parseDate(info.birthdate()).orElseThrow();
        List<InsuredRegistry.Match> matches = registry.byNumbers(info, birth);
        Resolution res = resolve(matches, date);
        List<QualificationRecord> records = new ArrayList<>();
        for (InsuredRegistry.Match m : res.matches()) {
            records.add(record(m, date, now, info.limitConsent(), info.arbitraryIdentifier(), null));
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

    private record Resolution(QualificationValidity validity, List<InsuredRegistry.Match> matches) {}

    /**
     * 資格有効性 from the candidate qualifications on the confirmation date: one active → 1 (6 for unregistered
     * 医療扶助), several active → 5, none active but lost → 3 when the person holds another qualification that day,
     * else 2; nothing (or nothing started yet) → 4.
     */
    private static Resolution resolve(List<InsuredRegistry.Match> candidates, LocalDate date) {
        List<InsuredRegistry.Match> active = candidates.stream().filter(m -> m.qualification().activeOn(date)).toList();
        if (active.size() > 1) {
            return new Resolution(QualificationValidity.MULTIPLE, active);
        }
        if (active.size() == 1) {
            return new Resolution(active.get(0).qualification().isUnregistered()
                    ? QualificationValidity.VALID_UNREGISTERED : QualificationValidity.VALID, active);
        }
        Optional<InsuredRegistry.Match> lost = candidates.stream().filter(m -> m.qualification().lostBy(date))
                .max((a, b) -> a.qualification().disqualificationDate().compareTo(b.qualification().disqualificationDate()));
        if (lost.isEmpty()) {
            return new Resolution(QualificationValidity.NOT_FOUND, List.of());
        }
        boolean successor = lost.get().person().qualifications().stream().anyMatch(q -> q.activeOn(date));
        return new Resolution(successor ? QualificationValidity.INVALID_NEW_QUALIFICATION : QualificationValidity.INVALID,
                List.of(lost.get()));
    }

    private QualificationRecord record(InsuredRegistry.Match m, LocalDate date, Instant now, boolean limitConsent,
                                       String arbitraryIdentifier, Map<ConsentCategory, QualificationRecord.Consent> consentMap) {
        InsuredRegistry.Person p = m.person();
        InsuredRegistry.Qualification q = m.qualification();
        String nowText = OqsTime.timestamp(now);
        QualificationRecord.ElderlyRecipientInfo elderly = q.elderly() == null ? null
                : new QualificationRecord.ElderlyRecipientInfo(OqsTime.date(q.elderly().issued()),
                        OqsTime.date(q.elderly().validFrom()), OqsTime.date(q.elderly().validUntil()), q.elderly().ratio());
        QualificationRecord.LimitApplicationInfo limit = null;
        if (limitConsent && q.limit() != null) {
            InsuredRegistry.Limit l = q.limit();
            limit = new QualificationRecord.LimitApplicationInfo(l.classification(), l.flag(), OqsTime.date(l.issued()),
                    OqsTime.date(l.validFrom()), OqsTime.date(l.validUntil()), OqsTime.date(l.longTermDate()));
        }
        List<QualificationRecord.SpecificDiseaseInfo> diseases = new ArrayList<>();
        if (limitConsent && q.specificDiseases() != null) {
            for (InsuredRegistry.Disease d : q.specificDiseases()) {
                diseases.add(new QualificationRecord.SpecificDiseaseInfo(d.category(), OqsTime.date(d.issued()),
                        OqsTime.date(d.validFrom()), OqsTime.date(d.validUntil()), Integer.toString(d.selfPay())));
            }
        }
        String consFlag = limitConsent ? "1" : "0";
        return new QualificationRecord(
                q.cardClassification() == null ? "01" : q.cardClassification(),
                padInsurer(q.insurerNumber()), q.symbol(), q.number(), q.branch(),
                q.family() == null ? "1" : q.family(),
                fullWidthSpace(q.insuredName()), fullWidthSpace(p.name()), null, HalfWidthKana.convert(p.kana()), null,
                "9".equals(p.sex()) ? "3" : p.sex(), null, OqsTime.date(p.birthdate()), p.address(), p.postNumber(),
                OqsTime.date(q.qualificationDate()), OqsTime.date(q.disqualificationDate()), OqsTime.date(q.cardIssued()),
                OqsTime.date(q.cardValidFrom()), OqsTime.date(q.cardValidUntil()), koukiRatio(q),
                preschool(p.birthdate(), date) ? "1" : null, q.reasonOfLoss(), q.insurerName(), elderly,
                consFlag, limitConsent ? nowText : null, limit,
                consFlag, limitConsent ? nowText : null, diseases,
                consentMap, null, arbitraryIdentifier);
    }

    /** 未就学: until the first 31 March after the 6th birthday (docs/RULES.md §6). */
    static boolean preschool(LocalDate birth, LocalDate day) {
        LocalDate sixth = birth.plusYears(6);
        LocalDate march31 = MonthDay.of(3, 31).atYear(sixth.getYear());
        if (march31.isBefore(sixth)) {
            march31 = march31.plusYears(1);
        }
        return !day.isAfter(march31) && !day.isBefore(birth);
    }

    /** 国保 6-digit numbers are space-padded to 8, as real results show them. */
    /**
     * InsuredPartialContributionRatio is the ratio printed on a 後期高齢者 card only (docs/OQS-MOCK.md "Co-payment
     * ratio"); for anyone else a parser would show it as a 後期 ratio, so it is left out.
     */
    static String koukiRatio(InsuredRegistry.Qualification q) {
        return q.insurerNumber().startsWith(KOUKI_HOUBETSU) && q.insurerNumber().length() == 8 ? q.ratio() : null;
    }

    /** 法別番号 of 後期高齢者医療. */
    private static final String KOUKI_HOUBETSU = "39";

    static String padInsurer(String number) {
        return number.length() == 6 ? "  " + number : number;
    }

    private static String fullWidthSpace(String name) {
        return name == null ? null : name.replace(' ', '\u3000');
    }

    // --- batch ----------------------------------------------------------------------------------

    public BatchReception submitBatch(BatchRequest r) {
        Instant now = clock.instant();
        Optional<String> bad = checkInstitution(r.medicalInstitutionCode());
        String code = bad.isPresent() ? OqsErrorCodes.BAD_INSTITUTION
                : confirmationDate(r.qualificationConfirmationDate(), now) == null ? OqsErrorCodes.MALFORMED_REQUEST
                : r.searchInfos().isEmpty() ? OqsErrorCodes.BATCH_EMPTY
                : r.searchInfos().size() > BatchRequest.MAX_PEOPLE ? OqsErrorCodes.BATCH_TOO_LARGE : null;
        if (code != null) {
            String why = bad.orElse(switch (code) {
                case OqsErrorCodes.BATCH_EMPTY -> "照会対象がありません";
                case OqsErrorCodes.BATCH_TOO_LARGE -> "一括照会は " + BatchRequest.MAX_PEOPLE + " 件までです（"
                        + r.searchInfos().size() + " 件）";
                default -> "資格確認日が不正です（yyyyMMdd）";
            });
            return new BatchReception(errorHeader(r.qualificationConfirmationDate(), r.medicalInstitutionCode(),
                    r.arbitraryFileIdentifier(), null, code, why), null, null);
        }
        String number = OqsTime.date(now.atZone(OqsTime.JST).toLocalDate())
                + String.format("%08d", batchSequence.incrementAndGet());
        retain(new BatchJob(number, r, now, now.plus(batchProcessingTime)), now);
        MessageHeader header = new MessageHeader(OqsTime.timestamp(now), null, r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier(), null, SegmentOfResult.NORMAL, null, null, MessageHeader.UTF_8);
        return new BatchReception(header, number, OqsTime.timestamp(now));
    }

    public BatchResult fetchBatch(BatchDownloadRequest r) {
        Instant now = clock.instant();
        BatchJob job = r.receptionNumber() == null ? null : retained(r.receptionNumber(), now);
        if (job == null || !job.request().medicalInstitutionCode().equals(r.medicalInstitutionCode())) {
            return new BatchResult(errorHeader(null, r.medicalInstitutionCode(), r.arbitraryFileIdentifier(), null,
                    OqsErrorCodes.BATCH_UNKNOWN, "受付番号が存在しません"), r.receptionNumber(), null, null, null, List.of());
        }
        BatchRequest req = job.request();
        if (now.isBefore(job.readyAt())) {
            MessageHeader processing = new MessageHeader(OqsTime.timestamp(now), req.qualificationConfirmationDate(),
                    req.medicalInstitutionCode(), req.arbitraryFileIdentifier(), null, SegmentOfResult.PROCESSING, null,
                    null, MessageHeader.UTF_8);
            return new BatchResult(processing, job.receptionNumber(), null, null, null, List.of());
        }
        LocalDate date = confirmationDate(req.qualificationConfirmationDate(), job.receivedAt());
        List<BatchResult.BulkConfirmUnit> units = new ArrayList<>();
        int errors = 0;
        for (QualificationSearchInfo info : req.searchInfos()) {
            PersonOutcome o = lookUp(info, date, job.receivedAt());
            if (o.status() == ProcessingResultStatus.ERROR) {
                errors++;
            }
            units.add(new BatchResult.BulkConfirmUnit(info, o.status(), o.code(), o.message(), o.validity(), o.records(), null));
        }
        MessageHeader header = new MessageHeader(OqsTime.timestamp(now), req.qualificationConfirmationDate(),
                req.medicalInstitutionCode(), req.arbitraryFileIdentifier(), null, SegmentOfResult.NORMAL, null, null,
                MessageHeader.UTF_8);
        return new BatchResult(header, job.receptionNumber(), Integer.toString(units.size()),
                Integer.toString(units.size() - errors), Integer.toString(errors), units);
    }

    /** Keeps a new batch, first dropping expired ones and then the oldest while the people cap would be exceeded. */
    private void retain(BatchJob job, Instant now) {
        synchronized (batches) {
            var it = batches.values().iterator();
            while (it.hasNext()) {
                BatchJob old = it.next();
                boolean expired = !now.isBefore(old.receivedAt().plus(BATCH_RETENTION));
                if (!expired && retainedPeople + job.people() <= MAX_RETAINED_PEOPLE) {
                    break; // oldest first: everything after this one is younger
                }
                retainedPeople -= old.people();
                it.remove();
            }
            batches.put(job.receptionNumber(), job);
            retainedPeople += job.people();
        }
    }

    private BatchJob retained(String receptionNumber, Instant now) {
        synchronized (batches) {
            BatchJob job = batches.get(receptionNumber);
            return job == null || !now.isBefore(job.receivedAt().plus(BATCH_RETENTION)) ? null : job;
        }
    }

    /** Batches held now (for tests of the retention). */
    int retainedBatches() {
        synchronized (batches) {
            return batches.size();
        }
    }

    // --- consent ----------------------------------------------------------------------------------

    public ConsentReceipt registerConsent(ConsentRequest r) {
        Instant now = clock.instant();
        Optional<String> bad = checkInstitution(r.medicalInstitutionCode());
        if (bad.isPresent()) {
            return consentError(r, OqsErrorCodes.BAD_INSTITUTION, bad.get());
        }
        X509Certificate cert;
        try {
            cert = CertificateValidator.parse(r.certificate());
        } catch (GeneralSecurityException | RuntimeException e) {
            return consentError(r, OqsErrorCodes.CERT_MALFORMED, "電子証明書を読み取れません");
        }
        // a smartphone's certificate has no grace after expiry (docs/RULES.md §3.1)
        CertificateVerdict verdict = validator.grace(!subjectCn(cert).map(registry::smartphoneCertificate).orElse(false))
                .validate(cert);
        if (!verdict.usable()) {
            String[] e = refusal(verdict);
            return consentError(r, e[0], e[1]);
        }
        if (verdict instanceof CertificateVerdict.ValidInGrace) {
            return consentError(r, OqsErrorCodes.CONSENT_NOT_AVAILABLE,
                    "電子証明書の猶予期間中は資格情報のみ利用でき、診療・薬剤情報等は共有できません");
        }
        Instant checked = recentCardChecks.get(cardKey(r.medicalInstitutionCode(), cert));
        if (checked == null || now.isAfter(checked.plus(CONSENT_WINDOW))) {
            return consentError(r, OqsErrorCodes.CONSENT_NO_CARD_CHECK, "この医療機関で直前のカード資格確認がありません");
        }
        Optional<InsuredRegistry.Person> person = subjectCn(cert).flatMap(registry::byCard);
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
        return new ConsentReceipt(errorHeader(null, r.medicalInstitutionCode(), null, ReferenceClassification.CARD, code, message), Map.of());
    }

    /** Current consents: 1 while within AvailableTime, 2 once expired, 0 when none or refused. */
    private Map<ConsentCategory, QualificationRecord.Consent> consentsOf(String institution, InsuredRegistry.Person p, Instant now) {
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

    // --- revocation ---------------------------------------------------------------------------------

    private RevocationStatus revocation(X509Certificate cert, X509Certificate issuer) {
        return registry.revoked(cert.getSerialNumber())
                .<RevocationStatus>map(r -> new RevocationStatus.Revoked(r.revokedOn().atStartOfDay(OqsTime.JST).toInstant(),
                        r.reason() == null ? "unspecified" : r.reason()))
                .orElse(new RevocationStatus.Good());
    }

    /** The current CRL of the 利用者証明用 CA, valid for a day from now. */
    public X509CRL crl() {
        Instant now = clock.instant();
        List<CrlIssuer.Entry> entries = new ArrayList<>();
        for (InsuredRegistry.RevokedCertificate r : registry.revokedCertificates()) {
            entries.add(CrlIssuer.Entry.keyCompromise(new BigInteger(r.serial(), 16),
                    r.revokedOn().atStartOfDay(OqsTime.JST).toInstant()));
        }
        return CrlIssuer.issue(ca.authRoot(), entries, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static Optional<String> checkInstitution(String code) {
        if (code == null || !code.matches("\\d{10}")) {
            return Optional.of("医療機関コードは10桁の数字です");
        }
        return Optional.empty();
    }

    private static LocalDate confirmationDate(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return now.atZone(OqsTime.JST).toLocalDate();
        }
        return OqsTime.parseDate(text).orElse(null);
    }

    private static String cardKey(String institution, X509Certificate cert) {
        return institution + "/" + cert.getIssuerX500Principal().getName() + "/" + cert.getSerialNumber().toString(16);
    }

    static Optional<String> subjectCn(X509Certificate cert) {
        try {
            X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
            RDN[] cns = name.getRDNs(BCStyle.CN);
            return cns.length == 0 ? Optional.empty()
                    : Optional.of(IETFUtils.valueToString(cns[0].getFirst().getValue()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
