package jp.mynadesk.oqs.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mynadesk.oqs.ConsentCategory;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationValidity;

/** How a registry person becomes the qualification records of an answer: 資格有効性 and the record's fields. */
final class QualificationAnswers {
    private QualificationAnswers() {
    }

    record Resolution(QualificationValidity validity, List<InsuredRegistry.Match> matches) {}

    /**
     * 資格有効性 from the candidate qualifications on the confirmation date: one active → 1 (6 for unregistered
     * 医療扶助), several active → 5, none active but lost → 3 when the person holds another qualification that day,
     * else 2; nothing (or nothing started yet) → 4.
     */
    static Resolution resolve(List<InsuredRegistry.Match> candidates, LocalDate date) {
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

    /**
     * The person's 医療費助成 受給者証 valid on the confirmation date, for a card check only (PMH goes through the card;
     * the reader asks the patient whether to use them: docs/OQS-MOCK.md "医療費助成 (PMH)").
     */
    static List<QualificationRecord.MedicalSubsidyInfo> subsidiesOf(InsuredRegistry.Person p, LocalDate date) {
        return p.subsidiesOn(date).stream().map(x -> new QualificationRecord.MedicalSubsidyInfo(x.name(),
                x.publicExpenseNumber(), x.beneficiaryNumber(), x.validFrom() == null ? null : OqsTime.date(x.validFrom()),
                x.validUntil() == null ? null : OqsTime.date(x.validUntil()))).toList();
    }

    /** How the answer was asked for, which decides what certificate information it carries (docs/OQS-MOCK.md §2.7). */
    enum Route {
        /** A card check: 限度額 information without a consent flag; 特定疾病 not asked at the reader (flag 0). */
        CARD,
        /** A numbers query with the patient's oral consent (LimitApplicationCertificateRelatedConsFlg 1). */
        NUMBERS_CONSENTED,
        /** A numbers query without it. */
        NUMBERS
    }

    static QualificationRecord record(InsuredRegistry.Match m, LocalDate date, Instant now, Route route,
                                      String institution, String arbitraryIdentifier, Map<ConsentCategory, QualificationRecord.Consent> consentMap,
                                      String referenceNumber) {
        InsuredRegistry.Person p = m.person();
        InsuredRegistry.Qualification q = m.qualification();
        String nowText = OqsTime.timestamp(now);
        boolean limitShown = route != Route.NUMBERS;
        boolean diseasesShown = route == Route.NUMBERS_CONSENTED;
        QualificationRecord.ElderlyRecipientInfo elderly = null;
        if (q.elderly() != null) {
            InsuredRegistry.Elderly e = q.elderly();
            elderly = CertificatePeriods.on(date, e.issued(), e.validFrom(), e.validUntil(), e.renewsYearly())
                    .flatMap(c -> c.endingBy(p.birthdate().plusYears(75).minusDays(1), date))
                    .map(c -> new QualificationRecord.ElderlyRecipientInfo(OqsTime.date(c.issued()),
                            OqsTime.date(c.validFrom()), OqsTime.date(c.validUntil()), e.ratio()))
                    .orElse(null);
        }
        QualificationRecord.LimitApplicationInfo limit = null;
        if (limitShown && q.limit() != null) {
            InsuredRegistry.Limit l = q.limit();
            limit = CertificatePeriods.on(date, l.issued(), l.validFrom(), l.validUntil(), l.renewsYearly())
                    .map(c -> new QualificationRecord.LimitApplicationInfo(l.classification(), l.flag(),
                            OqsTime.date(c.issued()), OqsTime.date(c.validFrom()), OqsTime.date(c.validUntil()),
                            OqsTime.date(l.longTermDate())))
                    .orElse(null);
        }
        List<QualificationRecord.SpecificDiseaseInfo> diseases = new ArrayList<>();
        if (diseasesShown && q.specificDiseases() != null) {
            for (InsuredRegistry.Disease d : q.specificDiseases()) {
                CertificatePeriods.on(date, d.issued(), d.validFrom(), d.validUntil(), d.renewsYearly()).ifPresent(c ->
                        diseases.add(new QualificationRecord.SpecificDiseaseInfo(d.category(), OqsTime.date(c.issued()),
                                OqsTime.date(c.validFrom()), OqsTime.date(c.validUntil()), Integer.toString(d.selfPay()))));
            }
        }
        String limitFlag = route == Route.CARD ? null : route == Route.NUMBERS_CONSENTED ? "1" : "0";
        String diseaseFlag = route == Route.NUMBERS_CONSENTED ? "1" : "0";
        String consTime = route == Route.NUMBERS_CONSENTED ? nowText : null;
        return new QualificationRecord(
                q.cardClassification() == null ? "01" : q.cardClassification(),
                padInsurer(q.insurerNumber()), q.symbol(), q.number(), q.branch(),
                q.family() == null ? "1" : q.family(),
                fullWidthSpace(q.insuredName()), fullWidthSpace(p.name()), null, HalfWidthKana.convert(p.kana()), null,
                "9".equals(p.sex()) ? "3" : p.sex(), null, OqsTime.date(p.birthdate()), p.address(), p.postNumber(),
                OqsTime.date(q.qualificationDate()), OqsTime.date(q.disqualificationDate()), OqsTime.date(q.cardIssued()),
                OqsTime.date(q.cardValidFrom()), OqsTime.date(q.cardValidUntil()), koukiRatio(q),
                preschool(p.birthdate(), date) ? "1" : null, q.reasonOfLoss(), q.insurerName(), elderly,
                limitFlag, consTime, limit,
                diseaseFlag, consTime, diseases,
                consentMap, referenceNumber, arbitraryIdentifier, MedicalTickets.on(q, date, institution));
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
}
