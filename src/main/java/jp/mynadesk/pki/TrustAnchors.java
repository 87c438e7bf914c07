package jp.mynadesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The CA certificates a card's authentication certificate must chain to: the project's test CA in simulation, the
 * J-LIS 利用者証明用 CA certificates a clinic configures (docs/CLINIC.md, "Trust"), or none at all.
 *
 * <p>The self-signed certificates among them are the roots. Any other certificate given with them is an
 * intermediate: it is used to build the chain from a card's certificate up to a root, and only counts when it is a
 * CA certificate (basic constraints, key usage keyCertSign), valid at the time of the check, issued by a configured
 * root or another such intermediate. A certificate that reaches no root is never trusted on its own.
 */
public final class TrustAnchors {
    /** Deep enough for any real hierarchy; a loop of cross-signed certificates ends here. */
    private static final int MAX_INTERMEDIATES = 4;
    private static final TrustAnchors NONE = new TrustAnchors(List.of(), true);

    private final List<X509Certificate> anchors;

    private TrustAnchors(List<X509Certificate> anchors, boolean mayBeEmpty) {
        if (anchors.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException("at least one trust anchor is required");
        }
        this.anchors = List.copyOf(anchors);
    }

    public static TrustAnchors of(X509Certificate... anchors) {
        return new TrustAnchors(List.of(anchors), false);
    }

    /** The 利用者証明用 root of a test CA. */
    public static TrustAnchors of(TestCa ca) {
        return of(ca.authRoot().certificate());
    }

    /** The standard test CA's 利用者証明用 root. */
    public static TrustAnchors testCa() {
        return of(TestCa.standard());
    }

    /** No anchor: every card certificate is refused as untrusted (a desk without a card reader never reads one). */
    public static TrustAnchors none() {
        return NONE;
    }

    /** These anchors and {@code other}'s. */
    public TrustAnchors plus(TrustAnchors other) {
        List<X509Certificate> all = new ArrayList<>(anchors);
        for (X509Certificate c : other.anchors) {
            if (!all.contains(c)) {
                all.add(c);
            }
        }
        return new TrustAnchors(all, true);
    }

    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    /**
     * Reads every certificate in the given PEM (or DER) files; a PEM file may hold several.
     *
     * @throws IOException with the file name when a file cannot be read or holds no certificate
     */
    public static TrustAnchors fromPem(Path... files) throws IOException {
        List<X509Certificate> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(read(file));
        }
        return new TrustAnchors(all, false);
    }

    /**
     * The certificates of one PEM or DER file.
     *
     * @throws IOException when the file cannot be read, is not a certificate file, or holds none
     */
    public static List<X509Certificate> read(Path file) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509").generateCertificates(in);
            for (Certificate c : parsed) {
                certs.add((X509Certificate) c);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException(file + ": not a PEM/DER certificate file: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IOException(file + ": no certificate found");
        }
        return certs;
    }

    public List<X509Certificate> certificates() {
        return anchors;
    }

    /** A root: a self-signed certificate (its own name as issuer, its own key verifying it). */
    public static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The issuer whose key verifies the certificate's signature, with no regard to time. */
    public Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        return issuerOf(certificate, null);
    }

    /**
     * The configured certificate that issued {@code certificate}, when it is a root or an intermediate that chains to
     * a root (checked at {@code at}; null = validity not checked).
     */
    public Optional<X509Certificate> issuerOf(X509Certificate certificate, Instant at) {
        return issuerOf(certificate, at, 0);
    }

    private Optional<X509Certificate> issuerOf(X509Certificate certificate, Instant at, int depth) {
        for (X509Certificate candidate : anchors) {
            if (!signed(certificate, candidate)) {
                continue; // same name, other key (e.g. a foreign CA with copied names): keep looking
            }
            if (selfSigned(candidate)) {
                return Optional.of(candidate);
            }
            if (depth < MAX_INTERMEDIATES && usableIntermediate(candidate, at)
                    && issuerOf(candidate, at, depth + 1).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether the certificate reaches a configured root (for a root: true). */
    public boolean chainsToRoot(X509Certificate certificate) {
        return selfSigned(certificate) || issuerOf(certificate, null).isPresent();
    }

    private static boolean signed(X509Certificate certificate, X509Certificate issuer) {
        if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) || issuer.equals(certificate)) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean usableIntermediate(X509Certificate c, Instant at) {
        if (c.getBasicConstraints() < 0) {
            return false; // not a CA
        }
        boolean[] usage = c.getKeyUsage();
        if (usage != null && (usage.length <= 5 || !usage[5])) {
            return false; // may not sign certificates
        }
        if (at != null) {
            try {
                c.checkValidity(Date.from(at));
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        return true;
    }
}
