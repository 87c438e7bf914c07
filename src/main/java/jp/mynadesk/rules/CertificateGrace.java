package jp.mynadesk.rules;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The card certificate's grace and renewal warning (docs/RULES.md §3): after the 利用者証明用電子証明書 expires the card
 * still works for the qualification check until the last day of the third month after the month of expiry
 * (2026-02-10 → 2026-05-31), and the terminal warns from three months before expiry. Used by the document
 * rules and by {@code pki.CertificateValidator}.
 */
public final class CertificateGrace {
    private CertificateGrace() {}

    /** Last day the card still works for the qualification check: end of the 3rd month after expiry's month. */
    public static LocalDate lastUsableDay(LocalDate notAfter) {
        return YearMonth.from(notAfter).plusMonths(3).atEndOfMonth();
    }

    /**
     * Last usable day for a token that may or may not have the grace: a smartphone's スマホ用電子証明書 has none
     * (docs/RULES.md §3.1), so it is usable up to its expiry day only.
     */
    public static LocalDate lastUsableDay(LocalDate notAfter, boolean grace) {
        return grace ? lastUsableDay(notAfter) : notAfter;
    }

    /** First day the terminal warns the holder to renew: three months before the expiry day. */
    public static LocalDate warnFrom(LocalDate notAfter) {
        return notAfter.minusMonths(3);
    }

    /** Within 3 months before expiry (inclusive) and not yet expired: the patient should renew. */
    public static boolean renewalDue(LocalDate notAfter, LocalDate asOf) {
        return !asOf.isBefore(warnFrom(notAfter)) && !asOf.isAfter(notAfter);
    }

    /** Expired but still in grace: only qualification information is shared. */
    public static boolean inGrace(LocalDate notAfter, LocalDate asOf) {
        return asOf.isAfter(notAfter) && !asOf.isAfter(lastUsableDay(notAfter));
    }
}
