package jp.mynadesk.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates of the standard test CA and of every built-in card profile, shipped in the jar ({@value #RESOURCE})
 * so that a one-shot command does not sign four RSA-2048 certificates (and load Bouncy Castle's builder) on every
 * start (docs/CARD.md §8.1). The file holds exactly what {@link TestCa#create} and {@link CardIssuer#issue} make,
 * written by the test-side {@code SimulatorCertificatesFile}; issuance stays the definition, and a test holds the
 * file to it.
 *
 * <p>An entry is found only for exactly the inputs it was made from: its label is the key label followed by
 * {@code @} and a digest of every issuance input ({@link #label}: the whole {@link HolderSpec} and the issuing CA's
 * certificates for a card; the key label, purpose and public key for a CA root). A profile file with other holder
 * data, another CA or another key label gives another label, finds nothing and is issued fresh. A found entry is
 * decoded, then checked against what issuance would put there ({@link Expected}: subject key, serial, validity,
 * issuer, the issuer's signature) before it is used.
 *
 * <p>Format ({@link LabelledBase64}): one {@code label = base64} line per certificate, the value being its DER. The
 * text is split into lines once, on first use; each certificate is decoded only when its label is asked for. A
 * damaged or misplaced entry throws {@link IllegalStateException} naming the label: a certificate that silently
 * differs from issuance would change what the card answers and what the validator sees.
 */
final class SimulatorCertificates {
    /** Classpath resource next to this class. */
    static final String RESOURCE = "simulator-certificates.txt";
    /** Ample for a few hundred certificates (~1.2 KB of DER each); a larger resource is not ours. */
    static final int MAX_BYTES = 512 * 1024;
    /** Hex digits of the input digest in a label: 128 bits, so only the same inputs find an entry. */
    static final int DIGEST_HEX = 32;

    /** No bundled certificates: everything is issued fresh (the generator, and tests comparing with issuance). */
    static final SimulatorCertificates NONE = new SimulatorCertificates("no bundle", Map.of());

    /**
     * What issuance would put into the certificate: the parts checked before a bundled one is used.
     *
     * @param issuer    the issuing CA's name, or {@code null} for a self-signed root (issuer = its own subject)
     * @param issuerKey the key the certificate's signature must verify with
     */
    record Expected(PublicKey subjectKey, BigInteger serial, Instant notBefore, Instant notAfter,
                    X500Principal issuer, PublicKey issuerKey) {}

    private final String source;
    private final Map<String, String> encoded;

    private SimulatorCertificates(String source, Map<String, String> encoded) {
        this.source = source;
        this.encoded = encoded;
    }

    private static SimulatorCertificates bundled;

    /**
     * The bundled file, read on first use. Not a holder class: a missing resource must throw the same
     * {@link IllegalStateException} on every call, not an ExceptionInInitializerError once and then
     * NoClassDefFoundError.
     */
    static synchronized SimulatorCertificates bundled() {
        if (bundled == null) {
            bundled = new SimulatorCertificates(RESOURCE, LabelledBase64.resource(SimulatorCertificates.class, RESOURCE, MAX_BYTES));
        }
        return bundled;
    }

    /** Reads at most {@link #MAX_BYTES}; a malformed line throws {@link IllegalStateException} with its number. */
    static SimulatorCertificates parse(String source, InputStream in) throws IOException {
        return new SimulatorCertificates(source, LabelledBase64.parse(source, in, MAX_BYTES));
    }

    /**
     * The label of the certificate made for this key label from these inputs: {@code keyLabel@digest}. Each input is
     * a String, a byte array or {@code null}, hashed with its kind and length, so no two input lists share a label.
     */
    static String label(String keyLabel, Object... inputs) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            update(sha256, keyLabel);
            for (Object input : inputs) {
                update(sha256, input);
            }
            return keyLabel + "@" + HexFormat.of().formatHex(sha256.digest(), 0, DIGEST_HEX / 2);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void update(MessageDigest digest, Object input) {
        byte[] bytes;
        byte kind;
        if (input == null) {
            bytes = new byte[0];
            kind = 'n';
        } else if (input instanceof byte[] b) {
            bytes = b;
            kind = 'b';
        } else if (input instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
            kind = 's';
        } else {
            // Only what renders the same on every JDK and locale: callers turn dates and numbers into strings.
            throw new IllegalArgumentException("issuance input must be a String, a byte[] or null: " + input.getClass());
        }
        digest.update(kind);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
    }

    Set<String> labels() {
        return encoded.keySet();
    }

    boolean contains(String label) {
        return encoded.containsKey(label);
    }

    /**
     * The bundled certificate for the label, or {@code null} when there is none (the caller issues it). A present
     * entry that does not decode, or does not match {@code expected}, throws naming the label.
     */
    X509Certificate find(String label, Expected expected) {
        String text = encoded.get(label);
        if (text == null) {
            return null;
        }
        Checked seen = checked.get(label);
        if (seen != null && seen.expected().equals(expected)) {
            return seen.certificate();
        }
        X509Certificate certificate = decode(label, text);
        List<String> wrong = mismatches(certificate, expected);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(source + ": certificate " + label + " does not match its issuance inputs ("
                    + String.join(", ", wrong) + ")");
        }
        checked.put(label, new Checked(expected, certificate));
        return certificate;
    }

    /** A bundled entry already decoded and found to match these issuance inputs (the bundle's bytes never change). */
    private record Checked(Expected expected, X509Certificate certificate) {}

    /**
     * Entries decoded and checked so far, by label: every card made from the same profile (each scenario makes two)
     * would otherwise decode its two certificates again and verify their CA signatures again. Only a match is kept,
     * with the inputs it matched: other inputs under the same label are checked afresh.
     */
    private final Map<String, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();

    private X509Certificate decode(String label, String text) {
        try {
            byte[] der = Base64.getDecoder().decode(text);
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            // The factory reads one certificate and ignores what follows; a bundled entry is that one only.
            if (!Arrays.equals(certificate.getEncoded(), der)) {
                throw new IllegalStateException(source + ": certificate " + label + " has bytes after the certificate");
            }
            return certificate;
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(source + ": certificate " + label + " is corrupt", e);
        }
    }

    /**
     * What differs from issuance. The signature check covers every byte the CA signed (a damaged but parseable
     * entry); the rest catches an intact certificate under the wrong label.
     */
    private static List<String> mismatches(X509Certificate c, Expected e) {
        List<String> wrong = new ArrayList<>();
        if (!c.getPublicKey().equals(e.subjectKey())) {
            wrong.add("subject key");
        }
        if (!c.getSerialNumber().equals(e.serial())) {
            wrong.add("serial");
        }
        if (!c.getNotBefore().toInstant().equals(e.notBefore()) || !c.getNotAfter().toInstant().equals(e.notAfter())) {
            wrong.add("validity");
        }
        X500Principal issuer = e.issuer() == null ? c.getSubjectX500Principal() : e.issuer();
        if (!c.getIssuerX500Principal().equals(issuer)) {
            wrong.add("issuer");
        }
        try {
            c.verify(e.issuerKey());
        } catch (GeneralSecurityException | RuntimeException ex) {
            wrong.add("issuer signature");
        }
        return wrong;
    }

    /** The file text for these certificates, in the map's order: what {@link #parse} reads back. */
    static String format(Map<String, X509Certificate> certificates, String header) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        certificates.forEach((label, certificate) -> {
            try {
                entries.put(label, Objects.requireNonNull(certificate, label).getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot encode certificate " + label, e);
            }
        });
        return LabelledBase64.format(header, entries);
    }
}
