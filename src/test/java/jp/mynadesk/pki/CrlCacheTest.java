package jp.mynadesk.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock service signs a CRL once per CA, revocation list and hour, and each is current when it is handed out. */
class CrlCacheTest {
    private final TestCa.Authority root = TestCa.standard().authRoot();
    private final List<CrlIssuer.Entry> revoked =
            List.of(CrlIssuer.Entry.keyCompromise(BigInteger.valueOf(42), Instant.parse("2026-11-01T00:00:00Z")));

    @Test
    void oneSignaturePerWindow() throws Exception {
        CrlCache cache = new CrlCache();
        Instant at = Instant.parse("2026-12-01T01:10:00Z");
        X509CRL first = cache.current(root, revoked, at);
        assertSame(first, cache.current(root, revoked, at.plus(Duration.ofMinutes(49))), "same hour, same CRL");
        assertEquals(1, cache.signed());
        X509CRL next = cache.current(root, revoked, at.plus(Duration.ofMinutes(50)));
        assertNotSame(first, next, "the next hour's CRL is signed anew");
        assertNotSame(next, cache.current(root, List.of(), at.plus(Duration.ofMinutes(50))), "another list, another CRL");
        assertEquals(3, cache.signed());
        first.verify(root.certificate().getPublicKey());
        assertNotNull(first.getRevokedCertificate(BigInteger.valueOf(42)), "the revoked serial is listed");
    }

    @Test
    void currentWithADaysValidityAtEveryMomentOfItsWindow() {
        CrlCache cache = new CrlCache();
        for (String t : List.of("2026-12-01T01:00:00Z", "2026-12-01T01:59:59.999Z", "2026-12-01T02:00:00Z")) {
            Instant now = Instant.parse(t);
            X509CRL crl = cache.current(root, revoked, now);
            assertTrue(!crl.getThisUpdate().toInstant().isAfter(now), t + " thisUpdate " + crl.getThisUpdate());
            Duration left = Duration.between(now, crl.getNextUpdate().toInstant());
            assertTrue(left.compareTo(Duration.ofHours(23)) > 0 && left.compareTo(Duration.ofDays(1)) <= 0, t + " left " + left);
        }
    }
}
