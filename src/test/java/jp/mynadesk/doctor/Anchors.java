package jp.mynadesk.doctor;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import jp.mynadesk.pki.DeterministicKeys;
import jp.mynadesk.pki.TestCa;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Trust-anchor files for the doctor tests: the simulator's root, and self-made certificates of chosen validity. */
final class Anchors {
    private Anchors() {}

    static X509Certificate simulatorRoot() {
        return TestCa.standard().authRoot().certificate();
    }

    /** A self-signed certificate valid from {@code from} to {@code until}; {@code ca}: with basicConstraints CA. */
    static X509Certificate selfSigned(String cn, Instant from, Instant until, boolean ca) throws Exception {
        KeyPair keys = DeterministicKeys.rsa2048("doctor-test-anchor");
        X500Name name = new X500Name("C=JP, O=doctor test, CN=" + cn);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(42), Date.from(from),
                Date.from(until), name, keys.getPublic());
        if (ca) {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    static Path pem(Path file, X509Certificate c) throws Exception {
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    static Path der(Path file, X509Certificate c) throws Exception {
        return Files.write(file, c.getEncoded());
    }
}
