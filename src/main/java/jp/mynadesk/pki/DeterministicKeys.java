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
 * fixtures are reproducible. Generating a 2048-bit key costs ~100 ms with C2 and close to a second in a one-shot
 * command (C1 only), so the pairs of the built-in labels (the standard CA, every built-in card profile) ship in the
 * jar as {@link SimulatorKeys} and are decoded instead; other labels are derived. The derivation stays the
 * definition: the bundled file holds exactly what {@link #derive} gives, and a test holds it to that. Results are
 * memoised per label (a pure function's cache, not shared mutable state), so a test suite that makes many cards
 * pays once.
 *
 * <p>These keys are for the simulator only: anyone who knows the label can derive the private key.
 */
public final class DeterministicKeys {
    private static final Map<String, KeyPair> MEMO = new ConcurrentHashMap<>();

    private DeterministicKeys() {}

    public static KeyPair rsa2048(String label) {
        return MEMO.computeIfAbsent(label, l -> resolve(l, SimulatorKeys.bundled()));
    }

    /**
     * The bundled pair when the bundle has the label, else the derivation. A damaged bundled entry throws rather
     * than falling back to the derivation, which would hide the damage from every test and only cost time.
     */
    static KeyPair resolve(String label, SimulatorKeys bundle) {
        if (bundle.contains(label)) {
            return bundle.keyPair(label);
        }
        SimulatorKeys more = fixed;
        return more != null && more.contains(label) ? more.keyPair(label) : derive(label);
    }

    /** Pairs written down in advance for labels outside the bundle (the test suite's own), or null. */
    private static volatile SimulatorKeys fixed;

    /**
     * Decodes these labels' pairs instead of deriving them. For test fixtures: the test suite installs the keys of
     * its own labels (a foreign CA, chain tests, custom profiles), written once by the derivation, so that no test
     * JVM spends seconds generating them again.
     */
    static void useFixed(SimulatorKeys keys) {
        fixed = keys;
    }

    /** What {@link #useFixed} installed, or null. */
    static SimulatorKeys fixed() {
        return fixed;
    }

    /** The definition of a label's key pair (what {@link SimulatorKeys} holds for the built-in labels). */
    static KeyPair derive(String label) {
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
