package jp.mynadesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import jp.mynadesk.pki.TestCa;

/**
 * The simulator's 利用者証明用 root as a PEM file, for tests that run the desk at a PC/SC reader (clinic mode trusts
 * only configured anchors, docs/CLINIC.md) with the simulator's cards behind vpcd.
 */
public final class SimulatorRoot {
    private SimulatorRoot() {}

    /** Writes the root to {@code dir/simulator-root.pem} and returns that path. */
    public static Path write(Path dir) {
        return write(dir.resolve("simulator-root.pem"), TestCa.standard().authRoot().certificate());
    }

    public static Path write(Path file, X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate c : certificates) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            return Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
