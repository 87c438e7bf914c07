package jp.mynadesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateGraceTest {

    @ParameterizedTest(name = "expiry {0} → usable until {1}")
    @CsvSource({
            "2026-02-10, 2026-05-31",  // docs/RULES.md §3 example
            "2026-01-31, 2026-04-30",
            "2025-11-30, 2026-02-28",
            "2027-11-15, 2028-02-29",  // leap year
            "2026-12-01, 2027-03-31",
    })
    void lastUsableDay(LocalDate notAfter, LocalDate expected) {
        assertEquals(expected, CertificateGrace.lastUsableDay(notAfter));
    }

    @ParameterizedTest(name = "expiry 2026-02-10, asOf {0}: renewal={1} grace={2}")
    @CsvSource({
            "2025-11-09, false, false",
            "2025-11-10, true,  false",
            "2026-02-09, true,  false",
            "2026-02-10, true,  false",
            "2026-02-11, false, true",
            "2026-05-31, false, true",
            "2026-06-01, false, false",
    })
    void renewalWarningAndGrace(LocalDate asOf, boolean renewal, boolean grace) {
        LocalDate notAfter = LocalDate.of(2026, 2, 10);
        assertEquals(renewal, CertificateGrace.renewalDue(notAfter, asOf));
        assertEquals(grace, CertificateGrace.inGrace(notAfter, asOf));
    }
}
