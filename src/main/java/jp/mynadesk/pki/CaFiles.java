package jp.mynadesk.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A certificate authority of one's own, from files (a card profile's {@code issuer}, docs/CARD.md §8.2): the CA
 * certificate (PEM or DER) and its RSA private key (PEM, PKCS#8 {@code BEGIN PRIVATE KEY} or the traditional
 * {@code BEGIN RSA PRIVATE KEY}; not encrypted), as {@code openssl req -x509 -newkey rsa:2048 -noenc} writes them.
 * The key must be the certificate's. Messages are Japanese, name the file, and repeat nothing from it.
 */
public final class CaFiles {
    /** A CA certificate or key is a few kilobytes; anything far larger is not one and is not read. */
    static final long MAX_BYTES = 1024 * 1024;

    private CaFiles() {}

    /** Why a CA file cannot be used; {@link #field()} is {@code certificate} or {@code key}. */
    public static final class CaFileException extends Exception {
        private final String field;

        CaFileException(String field, String message, Throwable cause) {
            super(message, cause);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The CA with its key, both read from the files. */
    public static TestCa.Authority load(Path certificateFile, Path keyFile) throws CaFileException {
        X509Certificate certificate = certificate(certificateFile);
        PrivateKey key = key(keyFile);
        if (!(key instanceof RSAPrivateKey)) {
            throw new CaFileException("key", shown(keyFile) + " は RSA の秘密鍵ではありません。RSA（2048 ビットなど）の秘密鍵を"
                    + "指定してください。", null);
        }
        if (!matches(certificate.getPublicKey(), key)) {
            throw new CaFileException("key", shown(keyFile) + " の秘密鍵は、証明書 " + shown(certificateFile)
                    + " の公開鍵と対になっていません。同じときに作った証明書と鍵を指定してください。", null);
        }
        return new TestCa.Authority(certificate, new KeyPair(certificate.getPublicKey(), key));
    }

    private static X509Certificate certificate(Path file) throws CaFileException {
        byte[] bytes = read("certificate", file);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CaFileException("certificate", shown(file) + " は X.509 証明書（PEM か DER）として読めません。"
                    + "CA 証明書のファイルを指定してください。", e);
        }
    }

    private static PrivateKey key(Path file) throws CaFileException {
        String text = new String(read("key", file), StandardCharsets.US_ASCII);
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            parsed = null;
        }
        if (parsed instanceof PKCS8EncryptedPrivateKeyInfo || parsed instanceof PEMEncryptedKeyPair) {
            throw new CaFileException("key", shown(file) + " の秘密鍵はパスフレーズで暗号化されています。暗号化しない鍵"
                    + "（openssl の -noenc または -nodes）を指定してください。", null);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new CaFileException("key", shown(file) + " の秘密鍵を読めません。PEM の秘密鍵を指定してください。", e);
        }
        throw new CaFileException("key", shown(file) + " は PEM の秘密鍵（BEGIN PRIVATE KEY か BEGIN RSA PRIVATE KEY）"
                + "ではありません。CA の秘密鍵のファイルを指定してください。", null);
    }

    /** The key signs what the certificate's public key verifies. */
    private static boolean matches(PublicKey publicKey, PrivateKey key) {
        try {
            byte[] probe = "mynadesk issuer key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] read(String field, Path file) throws CaFileException {
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new CaFileException(field, shown(file) + " は通常のファイルではありません。ファイルのパスを指定してください。", null);
            }
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new CaFileException(field, shown(file) + " は大きすぎます（1 MiB まで）。", null);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CaFileException(field, shown(file) + " がありません。プロファイルのファイルからの相対パスか、絶対パスを"
                    + "指定してください。", e);
        } catch (IOException e) {
            throw new CaFileException(field, shown(file) + " を読めません。読み取りの権限を確かめてください。", e);
        }
    }

    /** "ファイル ca.pem": the file's name only, which is what the profile wrote. */
    private static String shown(Path file) {
        Path name = file.getFileName();
        return "ファイル " + (name == null ? file : name);
    }
}
