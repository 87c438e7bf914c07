package jp.mynadesk.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/**
 * What a card is personalised with: the user-authentication certificate (EF 000A) and key (EF 0017), the
 * signature certificate (EF 0001) and key (EF 001A), and the CA certificates (EF 000B, EF 0002).
 *
 * @param authCardKey the private key the card holds for authentication; differs from {@code authCertificate}'s
 *                    key only for a deliberately "mismatched key" (forged) card
 */
public record HolderCertificates(
        X509Certificate authCertificate,
        KeyPair authCardKey,
        X509Certificate authCaCertificate,
        X509Certificate signCertificate,
        KeyPair signCardKey,
        X509Certificate signCaCertificate) {}
