package jp.mynadesk.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RSA-2048 key pairs derived from a label, so a card profile always carries the same key and test
 * fixtures are reproducible. Generating a 2048-bit key costs ~100 ms; the results are memoised per label
 * (a pure function's cache, not shared mutable state), so a test suite that makes many cards pays once.
 *
 * <p>These keys are for the simulator only: anyone who knows the label can derive the private key.
 */
public final class DeterministicKeys {
    private static final Map<String, KeyPair> MEMO = new ConcurrentHashMap<>();

    private DeterministicKeys() {}

    public static KeyPair rsa2048(String label) {
        return MEMO.computeIfAbsent(label, DeterministicKeys::generate);
    }

    private static KeyPair generate(String label) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), seeded(label));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation unavailable", e);
        }
    }

    /** SHA1PRNG seeded before first use is fully determined by its seed (unlike the default DRBG). */
    static SecureRandom seeded(String label) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(("mynadesk-test-key:" + label).getBytes(StandardCharsets.UTF_8));
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG unavailable", e);
        }
    }
}
