package jp.mynadesk.oqs.server;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which period of a certificate (高齢受給者証, 限度額適用認定証, 特定疾病療養受療証) holds on the query day
 * (docs/OQS-MOCK.md §2.8). A certificate that has ended, or not yet started, is not
 * offered. One that {@code renewsYearly} is answered with the period of the same length, shifted by whole years, that
 * holds that day: the insurer renews it every year (高齢受給者証 and 限度額 from 1 August to 31 July).
 */
record CertificatePeriods(LocalDate issued, LocalDate validFrom, LocalDate validUntil) {

    /** The period that holds on {@code day}, if any. */
    static Optional<CertificatePeriods> on(LocalDate day, LocalDate issued, LocalDate validFrom, LocalDate validUntil,
                                           Boolean renewsYearly) {
        if (validFrom != null && day.isBefore(validFrom)) {
            return Optional.empty();
        }
        if (validUntil == null || !day.isAfter(validUntil)) {
            return Optional.of(new CertificatePeriods(issued, validFrom, validUntil));
        }
        if (!Boolean.TRUE.equals(renewsYearly) || validFrom == null) {
            return Optional.empty();
        }
        for (int years = Math.max(1, day.getYear() - validUntil.getYear()); years <= day.getYear() - validFrom.getYear() + 1; years++) {
            LocalDate from = validFrom.plusYears(years);
            LocalDate until = validUntil.plusYears(years);
            if (!day.isBefore(from) && !day.isAfter(until)) {
                return Optional.of(new CertificatePeriods(issued == null ? null : issued.plusYears(years), from, until));
            }
        }
        return Optional.empty();
    }

    /** This period ending no later than {@code last} (a 高齢受給者証 ends the day before the 75th birthday). */
    Optional<CertificatePeriods> endingBy(LocalDate last, LocalDate day) {
        if (day.isAfter(last)) {
            return Optional.empty();
        }
        return Optional.of(validUntil == null || validUntil.isAfter(last) ? new CertificatePeriods(issued, validFrom, last) : this);
    }
}
