package jp.mynadesk.pki;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mock service's CRLs, each signed once per CA, revocation list and validity window instead of on every request
 * (an RSA signature each: about 15 ms, repeated for every scenario and every desk's first check).
 *
 * <p>A CRL is issued for the {@link #WINDOW} that {@code now} falls in: {@code thisUpdate} 5 minutes before the
 * window starts, {@code nextUpdate} a day after it starts. So it is current at {@code now} (thisUpdate ≤ now <
 * nextUpdate), with 23 to 24 hours left, and every request within the same hour gets the same signed CRL. The cache
 * holds the {@value #SIZE} most recently used CRLs. Thread-safe; {@link #shared()} is the one the mock service uses.
 */
public final class CrlCache {
    /** CRLs issued within the same window are the same CRL. */
    public static final Duration WINDOW = Duration.ofHours(1);
    /** How long a CRL stays current after its window starts. */
    public static final Duration VALIDITY = Duration.ofDays(1);
    /** thisUpdate lies this much before the window, so a clock slightly behind still sees the CRL as issued. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);
    static final int SIZE = 64;
    private static final CrlCache SHARED = new CrlCache();

    private record Key(X509Certificate ca, List<CrlIssuer.Entry> revoked, Instant window) {}

    private final Map<Key, X509CRL> issued = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, X509CRL> eldest) {
            return size() > SIZE;
        }
    };
    private int signed;

    public static CrlCache shared() {
        return SHARED;
    }

    /** The CRL of {@code authority} listing {@code revoked}, current at {@code now}; signed only when not yet held. */
    public X509CRL current(TestCa.Authority authority, List<CrlIssuer.Entry> revoked, Instant now) {
        Instant window = windowStart(now);
        Key key = new Key(authority.certificate(), List.copyOf(revoked), window);
        synchronized (this) {
            X509CRL crl = issued.get(key);
            if (crl == null) {
                crl = CrlIssuer.issue(authority, key.revoked(), window.minus(BACKDATE), window.plus(VALIDITY));
                issued.put(key, crl);
                signed++;
            }
            return crl;
        }
    }

    /** The start of the window {@code now} falls in (windows start at whole multiples of {@link #WINDOW} since 1970). */
    static Instant windowStart(Instant now) {
        long size = WINDOW.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), size) * size);
    }

    /** CRLs signed so far by this cache (tests). */
    synchronized int signed() {
        return signed;
    }
}
