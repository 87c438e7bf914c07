package jp.mynadesk.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;

/**
 * Writes the bundled simulator keys ({@link SimulatorKeys}) from the derivation ({@link DeterministicKeys#derive}),
 * so the file is reproducible and never edited by hand (docs/CARD.md §8.1). Run it from the project root after
 * adding or renaming a built-in card profile; {@code SimulatorKeysTest} fails until you do:
 *
 * <pre>
 * scripts/simulator-keys
 * </pre>
 *
 * which compiles the tests, then runs {@code java -cp target/classes:target/test-classes:<dependencies>
 * jp.mynadesk.pki.SimulatorKeysFile}. With {@code --check} it writes nothing and exits 1 when the file differs from
 * what this JVM derives ({@code JAVA=/usr/lib/jvm/<jdk>/bin/java scripts/simulator-keys --check} asks another JDK).
 */
public final class SimulatorKeysFile {
    static final Path FILE = Path.of("src/main/resources/jp/mynadesk/pki", SimulatorKeys.RESOURCE);

    static final String HEADER = """
            mynadesk simulator key pairs. PUBLIC test keys, not secret and not J-LIS: anyone can derive them from
            their label (jp.mynadesk.pki.DeterministicKeys). They are bundled only so that a command does not
            generate RSA keys on every start (docs/CARD.md §8.1).
            Written by jp.mynadesk.pki.SimulatorKeysFile (src/test/java); do not edit, regenerate: scripts/simulator-keys

            label = base64 of the PKCS#8 RSA private CRT key (the public key is its modulus and exponent)""";

    private SimulatorKeysFile() {}

    /**
     * Every label main code takes keys from routinely: the standard CA's roots, then each built-in card profile's
     * keys in profile order ({@code bench} issues {@code profile:default} too; scenarios use built-in profiles).
     */
    static Set<String> builtInLabels() {
        Set<String> labels = new LinkedHashSet<>(TestCa.keyLabels(TestCa.STANDARD));
        for (CardProfile profile : CardProfiles.list()) {
            labels.addAll(CardIssuer.keyLabels(profile.toHolderSpec()));
        }
        return labels;
    }

    /** The file as the derivation on this JVM gives it (~30 RSA-2048 generations). */
    static String render() {
        Map<String, RSAPrivateCrtKey> keys = new LinkedHashMap<>();
        for (String label : builtInLabels()) {
            keys.put(label, (RSAPrivateCrtKey) DeterministicKeys.derive(label).getPrivate());
        }
        return SimulatorKeys.format(keys, HEADER);
    }

    public static void main(String[] args) throws IOException {
        boolean check = args.length == 1 && args[0].equals("--check");
        if (args.length > 1 || (args.length == 1 && !check)) {
            System.err.println("usage: SimulatorKeysFile [--check]");
            System.exit(2);
        }
        String text = render();
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        if (check) {
            boolean same = Files.exists(FILE) && Files.readString(FILE, StandardCharsets.UTF_8).equals(text);
            System.out.println(FILE + (same ? " matches" : " DIFFERS FROM") + " the derivation on " + jvm);
            System.exit(same ? 0 : 1);
        }
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + builtInLabels().size() + " key pairs to " + FILE + " (derived on " + jvm + ")");
    }
}
