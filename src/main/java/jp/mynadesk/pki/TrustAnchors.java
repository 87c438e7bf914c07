package jp.mynadesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The CA certificates a card's authentication certificate must be issued by: the project's test CA by default,
 * or real anchors (e.g. the J-LIS 利用者証明用 CA) loaded from PEM files.
 */
public final class TrustAnchors {
    private final List<X509Certificate> anchors;

    private TrustAnchors(List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is required");
        }
        this.anchors = List.copyOf(anchors);
    }

    public static TrustAnchors of(X509Certificate... anchors) {
        return new TrustAnchors(List.of(anchors));
    }

    /** The 利用者証明用 root of a test CA. */
    public static TrustAnchors of(TestCa ca) {
        return of(ca.authRoot().certificate());
    }

    /** The standard test CA's 利用者証明用 root. */
    public static TrustAnchors testCa() {
        return of(TestCa.standard());
    }

    /**
     * Reads every certificate in the given PEM (or DER) files.
     *
     * @throws IOException with the file name when a file cannot be read or holds no certificate
     */
    public static TrustAnchors fromPem(Path... files) throws IOException {
        List<X509Certificate> all = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
                for (Certificate c : certs) {
                    all.add((X509Certificate) c);
                }
            } catch (GeneralSecurityException e) {
                throw new IOException(file + ": not a PEM/DER certificate file: " + e.getMessage(), e);
            }
            if (all.isEmpty()) {
                throw new IOException(file + ": no certificate found");
            }
        }
        return new TrustAnchors(all);
    }

    public List<X509Certificate> certificates() {
        return anchors;
    }

    /** The anchor whose key verifies the certificate's signature, if any. */
    public Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        for (X509Certificate anchor : anchors) {
            if (!anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                certificate.verify(anchor.getPublicKey());
                return Optional.of(anchor);
            } catch (GeneralSecurityException | RuntimeException e) {
                // same name, other key (e.g. a foreign CA with copied names): keep looking
            }
        }
        return Optional.empty();
    }
}
