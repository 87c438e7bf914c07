package jp.mynadesk.oqs.server;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.QualificationRecord;

/**
 * The 医療券 of a 医療扶助 qualification that hold in the query day's month (docs/OQS-MOCK.md §2.5). A 医療券 is
 * issued per month of treatment: its validity runs from the first to the last day of that month, cut to the days the
 * 医療扶助 itself holds.
 */
final class MedicalTickets {
    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");
    /** OQSCD026 指定医療機関確認フラグ. */
    static final String DESIGNATED_MATCHES = "0";
    static final String DESIGNATED_DIFFERS = "1";

    private MedicalTickets() {
    }

    static List<QualificationRecord.MedicalTicketInfo> on(InsuredRegistry.Qualification q, LocalDate day, String institution) {
        List<InsuredRegistry.MedicalTicket> tickets = InsuredRegistry.nz(q.medicalTickets());
        if (tickets.isEmpty() || !q.activeOn(day)) {
            return List.of();
        }
        YearMonth month = YearMonth.from(day);
        List<QualificationRecord.MedicalTicketInfo> out = new ArrayList<>();
        for (InsuredRegistry.MedicalTicket t : tickets) {
            if (t == null || (t.month() != null && !YearMonth.parse(t.month()).equals(month))) {
                continue;
            }
            LocalDate from = month.atDay(1);
            LocalDate until = month.atEndOfMonth();
            if (q.qualificationDate() != null && q.qualificationDate().isAfter(from)) {
                from = q.qualificationDate();
            }
            if (q.disqualificationDate() != null && !q.disqualificationDate().isAfter(until)) {
                until = q.disqualificationDate().minusDays(1);
            }
            String flag = t.designatedInstitutionCode() == null || institution == null ? null
                    : t.designatedInstitutionCode().equals(institution) ? DESIGNATED_MATCHES : DESIGNATED_DIFFERS;
            out.add(new QualificationRecord.MedicalTicketInfo(t.ticketType() == null ? "01" : t.ticketType(),
                    OqsTime.date(from), OqsTime.date(until), t.issueNumber(), month.format(YYYYMM),
                    t.designatedInstitutionCode(), flag, t.designatedInstitutionName(), t.injuryNames(), t.treatmentType(),
                    t.selfPayAmount() == null ? null : Integer.toString(t.selfPayAmount()), t.districtContactName(),
                    t.handlingContactName(), t.singleOrCombined(), t.socialInsurance(), null, t.infection(),
                    t.elderlyMedicalCare(), t.prefecturalExpenses(), t.remarks()));
        }
        return out;
    }
}
