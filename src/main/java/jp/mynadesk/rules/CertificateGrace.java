package jp.mynadesk.rules;

import java.time.LocalDate;
import java.time.YearMonth;

/** The card certificate's grace and renewal warning (rules.md §3). */
public final class CertificateGrace {
    private CertificateGrace() {}

    /** Last day the card still works for the qualification check: end of the 3rd month after expiry's month. */
    public static LocalDate lastUsableDay(LocalDate notAfter) {
        return YearMonth.from(notAfter).plusMonths(3).atEndOfMonth();
    }

    /** Within 3 months before expiry (inclusive) and not yet expired: the patient should renew. */
    public static boolean renewalDue(LocalDate notAfter, LocalDate asOf) {
        return !asOf.isBefore(notAfter.minusMonths(3)) && !asOf.isAfter(notAfter);
    }

    /** Expired but still in grace: only qualification information is shared. */
    public static boolean inGrace(LocalDate notAfter, LocalDate asOf) {
        return asOf.isAfter(notAfter) && !asOf.isAfter(lastUsableDay(notAfter));
    }
}
