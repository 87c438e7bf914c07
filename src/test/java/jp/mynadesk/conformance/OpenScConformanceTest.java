package jp.mynadesk.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.testsupport.RecordingCard;
import jp.mynadesk.testsupport.RequiresPcscd;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance with tools nobody here wrote: OpenSC's own JPKI driver (opensc-tool, pkcs15-tool,
 * pkcs11-tool with opensc-pkcs11.so) against the virtual card served through pcscd's vpcd reader, exactly as
 * {@code mynadesk card serve} serves it. Uses the second vpcd slot so it never meets other PC/SC tests' cards.
 * What each command sends is recorded in firmware-notes/opensc-jpki.md.
 */
@RequiresPcscd
class OpenScConformanceTest {
    static final String READER = SecondSlot.READER;
    static final String OPENSC_READER_INDEX = "1";
    static final String PKCS11_MODULE = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";

    private static SecondSlot slot;
    private static CardProfile profile;
    private RecordingCard card;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBridge() throws Exception {
        profile = CardProfiles.resolve("default");
        slot = new SecondSlot();
    }

    @AfterAll
    static void stopBridge() {
        slot.close();
    }

    /** A fresh card (3 tries) for every test, so counters never leak between them. */
    @BeforeEach
    void freshCard() throws Exception {
        card = new RecordingCard(MyNumberCard.of(profile));
        slot.switchCard(card);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!run("opensc-tool", "-r", OPENSC_READER_INDEX, "-n").out.contains("jpki")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("OpenSC does not see the card in " + READER);
            }
            Thread.sleep(100);
        }
        card.clear();
    }

    @Test
    void openScRecognisesTheCardAsJpki() throws Exception {
        Result r = run("opensc-tool", "-r", OPENSC_READER_INDEX, "-n");
        assertEquals("jpki", r.out.strip());
    }

    @Test
    void listsAndReadsTheAuthCertificateByteIdentical() throws Exception {
        Result list = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--list-certificates");
        assertTrue(list.out.contains("User Authentication Certificate"), list.out);
        assertTrue(list.out.contains("Path           : 000a"), list.out);

        Path pem = dir.resolve("auth.pem");
        Result read = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--read-certificate", "01", "-o", pem.toString());
        assertEquals(0, read.code, read.all());
        X509Certificate openScCert = pemCertificate(pem);
        var expected = new CardIssuer(TestCa.standard()).issue(profile.toHolderSpec()).authCertificate();
        assertArrayEquals(expected.getEncoded(), openScCert.getEncoded());
    }

    /**
     * A card without a 署名用電子証明書 (under 15) or without a PIN (顔認証) is still a whole JPKI card to OpenSC: it
     * lists the certificates and reads the auth certificate byte-identical (docs/CARD.md §2.6). OpenSC queries both
     * PINs while it builds the token and refuses the card when either query does not answer 63Cx.
     */
    @ParameterizedTest
    @ValueSource(strings = {"child", "face-only"})
    void cardsWithoutTheSignatureCertificateOrAPinAreWholeCards(String name) throws Exception {
        CardProfile other = CardProfiles.resolve(name);
        RecordingCard otherCard = new RecordingCard(MyNumberCard.of(other));
        slot.switchCard(otherCard);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!run("opensc-tool", "-r", OPENSC_READER_INDEX, "-n").out.contains("jpki")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("OpenSC does not see the card in " + READER);
            }
            Thread.sleep(100);
        }
        Result list = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--list-certificates");
        assertEquals(0, list.code, list.all());
        assertTrue(list.out.contains("User Authentication Certificate"), list.all());

        Path pem = dir.resolve(name + ".pem");
        Result read = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--read-certificate", "01", "-o", pem.toString());
        assertEquals(0, read.code, read.all());
        var expected = new CardIssuer(TestCa.standard()).issue(other.toHolderSpec()).authCertificate();
        assertArrayEquals(expected.getEncoded(), pemCertificate(pem).getEncoded());

        Result pins = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--list-pins");
        assertEquals(0, pins.code, pins.all());
        assertTrue(pins.out.contains("Digital Signature PIN"), pins.all());
    }

    @Test
    void ourDriverNeedsNoMoreApdusThanOpenScToReadTheCertificate() throws Exception {
        run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--read-certificate", "01", "-o", dir.resolve("c.pem").toString());
        int openSc = card.apdusToRead("000A");
        card.clear();
        int ours;
        var terminal = CardReaders.pcsc().choose(READER);
        var session = terminal.connect("*");
        try {
            JpkiCard jpki = new JpkiCard(new SmartcardioTransport(session.getBasicChannel()));
            jpki.open().orElseThrow();
            jpki.readAuthCertificate().orElseThrow();
            ours = card.apdusToRead("000A");
        } finally {
            session.disconnect(false);
        }
        System.out.printf("APDUs to read the auth certificate (SELECT included): mynadesk %d, OpenSC %d%n", ours, openSc);
        assertTrue(ours <= openSc, "ours " + ours + " vs OpenSC " + openSc);
    }

    @Test
    void verifiesThePinAndSignsWithTheAuthKey() throws Exception {
        Result verify = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--verify-pin", "--auth-id", "01", "--pin", profile.authPin());
        assertEquals(0, verify.code, verify.all());
        assertTrue(card.commands().contains("002000800431323334"), "OpenSC sent the VERIFY to EF 0018");

        Path data = dir.resolve("data.bin");
        Path sig = dir.resolve("sig.bin");
        Files.writeString(data, "reception challenge");
        Result sign = run("pkcs11-tool", "--module", PKCS11_MODULE, "--slot", authSlot(), "--login", "--pin", profile.authPin(),
                "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", "01", "-i", data.toString(), "-o", sig.toString());
        assertEquals(0, sign.code, sign.all());
        assertTrue(card.commands().stream().anyMatch(c -> c.startsWith("802A0080")), "COMPUTE DIGITAL SIGNATURE sent");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(new CardIssuer(TestCa.standard()).issue(profile.toHolderSpec()).authCertificate().getPublicKey());
        verifier.update(Files.readAllBytes(data));
        assertTrue(verifier.verify(Files.readAllBytes(sig)), "OpenSC's signature verifies with the certificate's key");
    }

    /** pkcs11-tool's own self test: C_GenerateRandom sends GET CHALLENGE, then it signs and verifies with the key. */
    @Test
    void pkcs11ToolSelfTestWithLoginPasses() throws Exception {
        Result test = run("pkcs11-tool", "--module", PKCS11_MODULE, "--slot", authSlot(), "--test", "--login", "--pin", profile.authPin());
        assertEquals(0, test.code, test.all());
        assertTrue(test.out.contains("C_GenerateRandom") && !test.all().contains("C_GenerateRandom failed"), test.all());
        assertTrue(card.commands().stream().anyMatch(c -> c.startsWith("00840000")), "GET CHALLENGE sent: " + card.commands());
        assertEquals(3, authTriesLeft(), "the self test used the right PIN");
    }

    @Test
    void retryCounterGoesFromThreeToTwoAfterAWrongPin() throws Exception {
        assertEquals(3, authTriesLeft());
        Result wrong = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--verify-pin", "--auth-id", "01", "--pin", "9999");
        assertTrue(wrong.all().contains("PIN code or key incorrect"), wrong.all());
        assertEquals(2, authTriesLeft());
    }

    @Test
    void blockedPinIsRefused() throws Exception {
        for (int i = 0; i < 3; i++) {
            run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--verify-pin", "--auth-id", "01", "--pin", "9999");
        }
        assertEquals(0, authTriesLeft());
        Result correct = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--verify-pin", "--auth-id", "01", "--pin", profile.authPin());
        assertNotEquals(0, correct.code, correct.all());
        assertTrue(correct.all().contains("Reference data not usable"), "6984 → SC_ERROR_AUTH_METHOD_BLOCKED: " + correct.all());
        Result sign = run("pkcs11-tool", "--module", PKCS11_MODULE, "--slot", authSlot(), "--login", "--pin", profile.authPin(),
                "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", "01", "-i", "/dev/null", "-o", dir.resolve("s").toString());
        assertNotEquals(0, sign.code, "no signature from a blocked card");
    }

    private int authTriesLeft() throws Exception {
        Result pins = run("pkcs15-tool", "--reader", OPENSC_READER_INDEX, "--list-pins");
        Matcher m = Pattern.compile("User Authentication PIN\\]([\\s\\S]*?)Tries left\\s*:\\s*(\\d+)").matcher(pins.out);
        assertTrue(m.find(), pins.all());
        return Integer.parseInt(m.group(2));
    }

    /** The PKCS#11 slot id of the auth-PIN token on our reader, from {@code pkcs11-tool -L}. */
    private String authSlot() throws Exception {
        Result slots = run("pkcs11-tool", "--module", PKCS11_MODULE, "-L");
        Matcher m = Pattern.compile("Slot \\d+ \\((0x[0-9a-f]+)\\): " + READER + "\\s+token label\\s*:\\s*JPKI \\(User Authentication PIN\\)")
                .matcher(slots.out);
        assertTrue(m.find(), slots.all());
        return m.group(1);
    }

    private static X509Certificate pemCertificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\n" + out + err;
        }
    }

    private Result run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
