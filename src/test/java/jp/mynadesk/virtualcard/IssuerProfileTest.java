package jp.mynadesk.virtualcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.smartcardio.Card;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.testsupport.OpensslCa;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card profile that names its own issuer (docs/CARD.md §8.2): a CA made with openssl, as QA makes one. */
@Tag("slow") // openssl makes RSA CAs
class IssuerProfileTest {
    static final String SUBJECT = "/C=JP/O=Clinic QA/OU=JPKI-like authentication CA for tests";

    static Path profile(Path dir, String name) throws Exception {
        return OpensslCa.profile(dir, name);
    }

    @Test
    void theCardsCertificatesAreIssuedByTheProfilesCa(@TempDir Path dir) throws Exception {
        Path caFile = OpensslCa.make(dir, SUBJECT);
        Path file = profile(dir, "jlis-like");
        // read from elsewhere: the paths are relative to the profile file, not to the working directory
        CardProfile p = CardProfiles.resolve(file.toString());
        assertEquals(dir.resolve("ca.pem").toAbsolutePath(), p.issuer().certificate());

        VirtualTerminals terminals = new VirtualTerminals();
        VirtualTerminal terminal = terminals.plug("Reader 0");
        terminal.insert(MyNumberCard.of(p));
        Card card = terminal.connect("*");
        JpkiCard host = new JpkiCard(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())));
        assertTrue(host.open().isSuccess());
        X509Certificate auth = host.readAuthCertificate().orElseThrow().certificate();

        TrustAnchors own = TrustAnchors.fromPem(caFile);
        X509Certificate ca = own.certificates().get(0);
        assertEquals(ca.getSubjectX500Principal(), auth.getIssuerX500Principal());
        assertTrue(own.issuerOf(auth).isPresent(), "the openssl CA's key signed the card's certificate");
        assertFalse(TrustAnchors.testCa().issuerOf(auth).isPresent(), "the simulator CA does not know this card");

        assertTrue(host.verifyPin(p.authPin().toCharArray()).isSuccess());
        byte[] challenge = "challenge".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = host.signSha256(java.security.MessageDigest.getInstance("SHA-256").digest(challenge)).orElseThrow();
        assertTrue(CertificateValidator.verifies(auth, challenge, signature), "the chip holds the certificate's key");
    }

    @Test
    void badIssuerFilesAreNamedWhenTheProfileIsRead(@TempDir Path dir) throws Exception {
        Path file = profile(dir, "broken");
        ProfileException missing = assertThrows(ProfileException.class, () -> CardProfiles.resolve(file.toString()));
        assertTrue(missing.getMessage().contains("issuer.certificate: ファイル ca.pem がありません"), missing.getMessage());

        OpensslCa.make(dir, SUBJECT);
        Path other = Files.createDirectory(dir.resolve("other"));
        OpensslCa.make(other, SUBJECT);
        Files.copy(other.resolve("ca-key.pem"), dir.resolve("ca-key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProfileException mismatch = assertThrows(ProfileException.class, () -> CardProfiles.resolve(file.toString()));
        assertTrue(mismatch.getMessage().contains("issuer.key: ファイル ca-key.pem の秘密鍵は、証明書 ファイル ca.pem の公開鍵と対になっていません"),
                mismatch.getMessage());

        OpensslCa.run(dir, "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                "-aes-128-cbc", "-pass", "pass:secret", "-out", "ca-key.pem");
        ProfileException encrypted = assertThrows(ProfileException.class, () -> CardProfiles.resolve(file.toString()));
        assertTrue(encrypted.getMessage().contains("暗号化されています"), encrypted.getMessage());

        Files.writeString(dir.resolve("ca-key.pem"), "not a key\n");
        ProfileException notPem = assertThrows(ProfileException.class, () -> CardProfiles.resolve(file.toString()));
        assertTrue(notPem.getMessage().contains("broken.json: issuer.key: ファイル ca-key.pem は PEM の秘密鍵"), notPem.getMessage());

        Files.writeString(file, Files.readString(file).replace("\"key\": \"ca-key.pem\"", "\"key\": \"ca-key.pem\", \"pin\": 1"));
        ProfileException unknown = assertThrows(ProfileException.class, () -> CardProfiles.resolve(file.toString()));
        assertTrue(unknown.getMessage().contains("issuer"), unknown.getMessage());
    }

    @Test
    void aProfileWithoutIssuerIsTheSimulatorsAsBefore() throws Exception {
        CardProfile p = CardProfiles.resolve("default");
        assertEquals(null, p.issuer());
        assertEquals(jp.mynadesk.pki.TestCa.standard(), p.issuingCa());
    }
}
