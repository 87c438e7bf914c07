package jp.mynadesk.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow") // re-derives the bundled RSA keys
class SimulatorKeysTest {
    private static final String REGENERATE = " (regenerate with scripts/simulator-keys)";

    private static SimulatorKeys parse(String text) throws IOException {
        return SimulatorKeys.parse("test", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A real key's file line under another label (no generation: the bundle already holds one). */
    private static String line(String label, String bundledLabel) {
        byte[] der = SimulatorKeys.bundled().keyPair(bundledLabel).getPrivate().getEncoded();
        return label + " = " + Base64.getEncoder().encodeToString(der) + "\n";
    }

    @Test
    void everyBuiltInLabelIsBundledWithExactlyTheDerivedKey() {
        SimulatorKeys bundle = SimulatorKeys.bundled();
        Set<String> builtIn = SimulatorKeysFile.builtInLabels();
        assertTrue(builtIn.containsAll(TestCa.keyLabels(TestCa.STANDARD)));
        assertTrue(builtIn.contains("forged:profile:mismatched-key"), "the forged card's chip key is built in");
        for (String label : builtIn) {
            assertTrue(bundle.contains(label), label + " is not bundled, so it is derived on every start" + REGENERATE);
            KeyPair derived = DeterministicKeys.derive(label);
            KeyPair bundled = bundle.keyPair(label);
            assertArrayEquals(derived.getPrivate().getEncoded(), bundled.getPrivate().getEncoded(), label + REGENERATE);
            assertArrayEquals(derived.getPublic().getEncoded(), bundled.getPublic().getEncoded(), label + REGENERATE);
        }
        assertEquals(builtIn, bundle.labels(), "the file holds the built-in labels, in order, and no stale ones" + REGENERATE);
    }

    @Test
    void everyBundledPairSignsAndVerifies() throws Exception {
        byte[] challenge = "mynadesk simulator key check".getBytes(StandardCharsets.UTF_8);
        SimulatorKeys bundle = SimulatorKeys.bundled();
        KeyPair other = bundle.keyPair("auth-ca:standard");
        for (String label : bundle.labels()) {
            KeyPair keys = bundle.keyPair(label);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.getPublic());
            verifier.update(challenge);
            assertTrue(verifier.verify(signature), label);
            if (!label.equals("auth-ca:standard")) {
                verifier.initVerify(other.getPublic());
                verifier.update(challenge);
                assertTrue(!verifier.verify(signature), label + " must not verify under another label's key");
            }
        }
    }

    @Test
    void everyBuiltInCardAndTheStandardCaCarryTheBundledKeys() {
        SimulatorKeys bundle = SimulatorKeys.bundled();
        TestCa ca = TestCa.standard();
        assertEquals(bundle.keyPair("auth-ca:standard").getPublic(), ca.authRoot().certificate().getPublicKey());
        assertEquals(bundle.keyPair("sign-ca:standard").getPublic(), ca.signRoot().certificate().getPublicKey());
        CardIssuer issuer = new CardIssuer(ca);
        for (CardProfile profile : CardProfiles.list()) {
            HolderCertificates card = issuer.issue(profile.toHolderSpec());
            String name = profile.name();
            assertEquals(bundle.keyPair("auth:profile:" + name).getPublic(), card.authCertificate().getPublicKey(), name);
            assertEquals(bundle.keyPair("sign:profile:" + name).getPublic(), card.signCertificate().getPublicKey(), name);
            String chipKey = profile.mismatchedKey() ? "forged:profile:" + name : "auth:profile:" + name;
            assertEquals(bundle.keyPair(chipKey).getPublic(), card.authCardKey().getPublic(), name);
        }
    }

    @Test
    void aBundledLabelIsDecodedNotDerived() throws IOException {
        // The file maps the label to the CA's key, which its derivation would never give.
        SimulatorKeys bundle = parse(line("unit:relabelled", "auth-ca:standard"));
        KeyPair resolved = DeterministicKeys.resolve("unit:relabelled", bundle);
        assertEquals(SimulatorKeys.bundled().keyPair("auth-ca:standard").getPublic(), resolved.getPublic());
    }

    @Test
    void theRunTimeEntryPointReturnsTheBundledPairAndMemoisesIt() {
        KeyPair keys = DeterministicKeys.rsa2048("auth:profile:default");
        assertEquals(SimulatorKeys.bundled().keyPair("auth:profile:default").getPublic(), keys.getPublic());
        assertSame(keys, DeterministicKeys.rsa2048("auth:profile:default"));
    }

    @Test
    void aBrokenEntryFailsLoudlyNamingItsLabelAndIsNeverDerivedInstead() throws Exception {
        String valid = Base64.getEncoder().encodeToString(
                SimulatorKeys.bundled().keyPair("auth-ca:standard").getPrivate().getEncoded());
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("auth:not-base64", "MIIE!!notbase64");
        broken.put("auth:empty", "");
        broken.put("auth:truncated", valid.substring(0, 800));
        broken.put("auth:not-a-key", Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII)));
        broken.put("auth:inconsistent", Base64.getEncoder().encodeToString(inconsistentKey().getEncoded()));
        StringBuilder text = new StringBuilder("# broken entries\n");
        broken.forEach((label, value) -> text.append(label).append(" = ").append(value).append('\n'));
        SimulatorKeys bundle = parse(text.toString());
        for (String label : broken.keySet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> bundle.keyPair(label), label);
            assertTrue(e.getMessage().contains(label), e.getMessage());
            assertThrows(IllegalStateException.class, () -> DeterministicKeys.resolve(label, bundle), label);
        }
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> bundle.keyPair("auth:absent"));
        assertTrue(missing.getMessage().contains("auth:absent"), missing.getMessage());
    }

    /** A parseable CRT key whose dP has one bit flipped: PKCS#8 decoding alone accepts it. */
    private static RSAPrivateCrtKey inconsistentKey() throws Exception {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) SimulatorKeys.bundled().keyPair("auth-ca:standard").getPrivate();
        var spec = new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP().flipBit(3), k.getPrimeExponentQ(), k.getCrtCoefficient());
        RSAPrivateCrtKey tampered = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
        assertNotEquals(k.getPrimeExponentP(), tampered.getPrimeExponentP());
        return tampered;
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineNumber() {
        IllegalStateException noSeparator = assertThrows(IllegalStateException.class,
                () -> parse("# header\n\nauth:x MIIEvQ\n"));
        assertTrue(noSeparator.getMessage().contains("line 3"), noSeparator.getMessage());
        IllegalStateException noLabel = assertThrows(IllegalStateException.class, () -> parse(" = MIIEvQ\n"));
        assertTrue(noLabel.getMessage().contains("line 1"), noLabel.getMessage());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> parse(line("auth:x", "auth-ca:standard") + line("auth:x", "sign-ca:standard")));
        assertTrue(twice.getMessage().contains("auth:x") && twice.getMessage().contains("line 2"), twice.getMessage());
        String huge = "# " + "x".repeat(SimulatorKeys.MAX_BYTES) + "\n";
        assertThrows(IllegalStateException.class, () -> parse(huge));
    }

    @Test
    void formatWritesWhatParseReadsBack() throws Exception {
        Map<String, RSAPrivateCrtKey> keys = new LinkedHashMap<>();
        for (String label : new String[] {"sign-ca:standard", "auth:profile:default"}) {
            keys.put(label, (RSAPrivateCrtKey) SimulatorKeys.bundled().keyPair(label).getPrivate());
        }
        SimulatorKeys back = parse(SimulatorKeys.format(keys, "header line\n\nsecond"));
        assertEquals(keys.keySet(), back.labels());
        keys.forEach((label, key) -> assertEquals(key, back.keyPair(label).getPrivate(), label));
        assertThrows(IllegalArgumentException.class,
                () -> SimulatorKeys.format(Map.of("a=b", keys.get("sign-ca:standard")), ""));
        assertEquals(BigInteger.valueOf(65537), ((java.security.interfaces.RSAPublicKey)
                back.keyPair("sign-ca:standard").getPublic()).getPublicExponent());
    }
}
