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

    static QualificationRecord record(InsuredRegistry.Match m, LocalDate date, Instant now, boolean limitConsent,
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
}
