package jp.mynadesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's key pairs for the built-in labels, shipped in the jar ({@value #RESOURCE}) so that a one-shot
 * command does not spend seconds generating RSA keys on every start (docs/CARD.md §8.1). The file holds what
 * {@link DeterministicKeys#derive} gives on JDK 17, written by the test-side {@code SimulatorKeysFile}.
 *
 * <p>Format ({@link LabelledBase64}): one {@code label = base64} line per key, the value being the PKCS#8 encoding
 * of the RSA private CRT key. The public key is rebuilt from the CRT key's modulus and public exponent.
 *
 * <p>The text is split into lines once, on first use; each key is decoded only when its label is asked for. A
 * damaged entry throws {@link IllegalStateException} naming the label: a key that silently differs from the
 * derivation would give certificates that no longer match the ones tests and traces expect.
 */
final class SimulatorKeys {
    /** Classpath resource next to this class. */
    static final String RESOURCE = "simulator-keys.txt";
    /** Ample for a few hundred 2048-bit keys (~1.7 KB each); a larger resource is not ours. */
    static final int MAX_BYTES = 512 * 1024;

    private final String source;
    private final Map<String, String> encoded;

    private SimulatorKeys(String source, Map<String, String> encoded) {
        this.source = source;
        this.encoded = encoded;
    }

    private static SimulatorKeys bundled;

    /**
     * The bundled file, read on first use. Not a holder class: a missing resource must throw the same
     * {@link IllegalStateException} on every call, not an ExceptionInInitializerError once and then
     * NoClassDefFoundError.
     */
    static synchronized SimulatorKeys bundled() {
        if (bundled == null) {
            bundled = new SimulatorKeys(RESOURCE, LabelledBase64.resource(SimulatorKeys.class, RESOURCE, MAX_BYTES));
        }
        return bundled;
    }

    /** Reads at most {@link #MAX_BYTES}; a malformed line throws {@link IllegalStateException} with its number. */
    static SimulatorKeys parse(String source, InputStream in) throws IOException {
        return new SimulatorKeys(source, LabelledBase64.parse(source, in, MAX_BYTES));
    }

    Set<String> labels() {
        return encoded.keySet();
    }

    boolean contains(String label) {
        return encoded.containsKey(label);
    }

    /** Decodes the label's entry; the caller memoises. */
    KeyPair keyPair(String label) {
        String text = encoded.get(label);
        if (text == null) {
            throw new IllegalStateException(source + ": no key for label " + label);
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException(source + ": key for label " + label + " is not an RSA CRT key");
            }
            requireConsistent(label, crt);
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())), crt);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(source + ": key for label " + label + " is corrupt", e);
        }
    }

    /**
     * The arithmetic a damaged but still parseable entry would break (microseconds, unlike a trial signature).
     * PKCS#8 parsing alone accepts any integers, so a flipped digit would otherwise reach a certificate.
     */
    private void requireConsistent(String label, RSAPrivateCrtKey k) {
        BigInteger p = k.getPrimeP();
        BigInteger q = k.getPrimeQ();
        BigInteger e = k.getPublicExponent();
        boolean ok = k.getModulus().bitLength() == 2048
                && p.multiply(q).equals(k.getModulus())
                && e.multiply(k.getPrimeExponentP()).mod(p.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && e.multiply(k.getPrimeExponentQ()).mod(q.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && k.getCrtCoefficient().multiply(q).mod(p).equals(BigInteger.ONE)
                && k.getPrivateExponent().mod(p.subtract(BigInteger.ONE)).equals(k.getPrimeExponentP())
                && k.getPrivateExponent().mod(q.subtract(BigInteger.ONE)).equals(k.getPrimeExponentQ());
        if (!ok) {
            throw new IllegalStateException(source + ": key for label " + label + " is not a consistent RSA-2048 key");
        }
    }

    /** The file text for these keys, in the map's order: what {@link #parse} reads back. */
    static String format(Map<String, RSAPrivateCrtKey> keys, String header) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        keys.forEach((label, key) -> entries.put(label, key.getEncoded()));
        return LabelledBase64.format(header, entries);
    }
}
