package jp.mynadesk.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;

/**
 * Writes the bundled simulator certificates ({@link SimulatorCertificates}) by issuing them afresh
 * ({@link TestCa#create} and {@link CardIssuer#issue} with no bundle), so the file is reproducible and never edited by
 * hand (docs/CARD.md §8.1). {@code scripts/simulator-keys} runs it after {@link SimulatorKeysFile}; run that after
 * adding or renaming a built-in card profile or changing its holder data ({@code SimulatorCertificatesTest} fails
 * until you do). With {@code --check} it writes nothing and exits 1 when the file differs from what this JVM issues.
 */
public final class SimulatorCertificatesFile {
    static final Path FILE = Path.of("src/main/resources/jp/mynadesk/pki", SimulatorCertificates.RESOURCE);

    static final String HEADER = """
            mynadesk simulator certificates. PUBLIC test certificates of the simulator's own CA (O=JPKI-SIM), not
            J-LIS and not valid anywhere: the standard test CA's two roots and each built-in card profile's auth and
            sign certificates, exactly as jp.mynadesk.pki.TestCa and CardIssuer issue them. They are bundled only so
            that a command does not sign certificates on every start (docs/CARD.md §8.1).
            Written by jp.mynadesk.pki.SimulatorCertificatesFile (src/test/java); do not edit, regenerate: scripts/simulator-keys

            key-label@digest = base64 of the certificate's DER; the digest covers every issuance input (the holder
            data and CA certificates for a card), so changed inputs find no entry and are issued fresh""";

    private SimulatorCertificatesFile() {}

    /** The standard CA's roots, then each built-in profile's auth and sign certificates, as issuance makes them. */
    static Map<String, X509Certificate> issueAll() {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        TestCa ca = TestCa.create(TestCa.STANDARD, SimulatorCertificates.NONE);
        List<String> caLabels = TestCa.certificateLabels(TestCa.STANDARD);
        certificates.put(caLabels.get(0), ca.authRoot().certificate());
        certificates.put(caLabels.get(1), ca.signRoot().certificate());
        CardIssuer issuer = new CardIssuer(ca);
        for (CardProfile profile : CardProfiles.list()) {
            HolderCertificates card = issuer.issue(profile.toHolderSpec(), SimulatorCertificates.NONE);
            List<String> labels = issuer.certificateLabels(profile.toHolderSpec());
            put(certificates, labels.get(0), card.authCertificate());
            put(certificates, labels.get(1), card.signCertificate());
        }
        return certificates;
    }

    private static void put(Map<String, X509Certificate> certificates, String label, X509Certificate certificate) {
        if (certificates.put(label, certificate) != null) {
            throw new IllegalStateException("two built-in certificates share the label " + label);
        }
    }

    /** The file as issuance on this JVM gives it (~30 RSA-2048 signatures). */
    static String render() {
        return SimulatorCertificates.format(issueAll(), HEADER);
    }

    public static void main(String[] args) throws IOException {
        boolean check = args.length == 1 && args[0].equals("--check");
        if (args.length > 1 || (args.length == 1 && !check)) {
            System.err.println("usage: SimulatorCertificatesFile [--check]");
            System.exit(2);
        }
        Map<String, X509Certificate> certificates = issueAll();
        String text = SimulatorCertificates.format(certificates, HEADER);
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        if (check) {
            boolean same = Files.exists(FILE) && Files.readString(FILE, StandardCharsets.UTF_8).equals(text);
            System.out.println(FILE + (same ? " matches" : " DIFFERS FROM") + " issuance on " + jvm);
            System.exit(same ? 0 : 1);
        }
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + certificates.size() + " certificates to " + FILE + " (issued on " + jvm + ")");
    }
}
