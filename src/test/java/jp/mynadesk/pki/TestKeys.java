package jp.mynadesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The key pairs of the labels only tests use (a foreign CA, the chain tests' CAs, custom card profiles), written down
 * in {@value #RESOURCE} so that no test JVM derives them again (each RSA-2048 derivation costs about a second).
 * Installed into {@link DeterministicKeys} when a JUnit session opens (registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}); a label missing here is derived as
 * before. The file holds what {@link DeterministicKeys#derive} gives: {@code main} rewrites it.
 */
public final class TestKeys implements LauncherSessionListener {
    static final String RESOURCE = "test-keys.txt";
    private static final Path FILE = Path.of("src/test/resources/jp/mynadesk/pki", RESOURCE);

    /** The test suite's own labels. */
    static final List<String> LABELS = List.of(
            "auth-ca:foreign", "sign-ca:foreign", "auth-ca:unit-other", "sign-ca:unit-other",
            "chain-test:root", "chain-test:intermediate", "chain-test:card", "chain-test:other-root",
            "doctor-test-anchor",
            "auth:grace-test", "sign:grace-test", "auth:issuer-test", "sign:issuer-test",
            "auth:profile:default-copy", "sign:profile:default-copy", "forged:profile:default",
            "auth:profile:x", "sign:profile:x", "auth:profile:mine", "sign:profile:mine",
            "auth:profile:a", "sign:profile:a", "auth:profile:privacy", "sign:profile:privacy",
            "auth:profile:long-address", "sign:profile:long-address", "auth:profile:tiny", "sign:profile:tiny",
            "auth:profile:clinic-qa", "sign:profile:clinic-qa");

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    static void install() {
        try (InputStream in = TestKeys.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                DeterministicKeys.useFixed(SimulatorKeys.parse(RESOURCE, in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file from the derivation (run from the project folder after adding a label). */
    public static void main(String[] args) throws IOException {
        Map<String, RSAPrivateCrtKey> keys = new LinkedHashMap<>();
        for (String label : LABELS) {
            keys.put(label, (RSAPrivateCrtKey) DeterministicKeys.derive(label).getPrivate());
        }
        String header = "Key pairs of the test suite's own labels, as DeterministicKeys.derive gives them.\n"
                + "Written by jp.mynadesk.pki.TestKeys (test class path); simulator use only.";
        Files.writeString(FILE, SimulatorKeys.format(keys, header), StandardCharsets.UTF_8);
        System.out.println("wrote " + keys.size() + " key pairs to " + FILE);
    }
}
