package jp.mynadesk.oqs.server;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.pki.CrlCache;
import jp.mynadesk.pki.CrlIssuer;
import jp.mynadesk.pki.RevocationStatus;
import jp.mynadesk.pki.TestCa;

/** {@code /crl} and the revocation the service's own certificate checks use. */
final class CrlEndpoint {
    private final Clock clock;
    private final InsuredRegistry registry;
    private final TestCa ca;

    CrlEndpoint(Clock clock, InsuredRegistry registry, TestCa ca) {
        this.clock = clock;
        this.registry = registry;
        this.ca = ca;
    }

    RevocationStatus revocation(X509Certificate cert, X509Certificate issuer) {
        return registry.revoked(cert.getSerialNumber())
                .<RevocationStatus>map(r -> new RevocationStatus.Revoked(r.revokedOn().atStartOfDay(OqsTime.JST).toInstant(),
                        r.reason() == null ? "unspecified" : r.reason()))
                .orElse(new RevocationStatus.Good());
    }

    /** The current CRL of the 利用者証明用 CA: about a day's validity, signed once per hour's window ({@link CrlCache}). */
    X509CRL crl() {
        Instant now = clock.instant();
        List<CrlIssuer.Entry> entries = new ArrayList<>();
        for (InsuredRegistry.RevokedCertificate r : registry.revokedCertificates()) {
            entries.add(CrlIssuer.Entry.keyCompromise(new BigInteger(r.serial(), 16),
                    r.revokedOn().atStartOfDay(OqsTime.JST).toInstant()));
        }
        return CrlCache.shared().current(ca.authRoot(), entries, now);
    }
}
