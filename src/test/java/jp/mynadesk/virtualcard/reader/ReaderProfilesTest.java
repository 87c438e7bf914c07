package jp.mynadesk.virtualcard.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.smartcardio.Card;
import jp.mynadesk.card.AuthCertificate;
import jp.mynadesk.card.CardFailure;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.reader.PcscProblem;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.ProfileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reader profile in the in-JVM provider, with the host driver as the desk uses it. */
class ReaderProfilesTest {
    private final AtomicLong nanos = new AtomicLong();
    private final List<Long> pauses = new ArrayList<>();

    static Stream<ReaderProfile> profiles() {
        return ReaderProfiles.list().stream();
    }

    private VirtualTerminal plug(ReaderProfile profile) throws ProfileException {
        VirtualTerminal terminal = profile.plug(new VirtualTerminals(), nanos::get, pauses::add);
        terminal.insert(MyNumberCard.of(CardProfiles.resolve("default")));
        return terminal;
    }

    private final AtomicLong sent = new AtomicLong();
    /** Every command the host sent (upper-case hex), in order. */
    private final List<String> commands = new ArrayList<>();

    private JpkiCard host(Card card, boolean extendedReads) {
        SmartcardioTransport channel = new SmartcardioTransport(card.getBasicChannel());
        return new JpkiCard(new GetResponseTransport(command -> {
            sent.incrementAndGet();
            commands.add(java.util.HexFormat.of().withUpperCase().formatHex(command));
            return channel.transmit(command);
        }), extendedReads);
    }

    /** A reader whose answers hold at least the 256-byte signature (and its status word). */
    static boolean carriesSignatures(ReaderProfile profile) {
        return profile.maxResponse() == 0 || profile.maxResponse() >= 256;
    }

    /** The desk's card steps; true when all succeeded. */
    private static boolean walk(JpkiCard host) throws Exception {
        return host.open().isSuccess() && host.readAuthCertificate().isSuccess() && host.pinTriesLeft().isSuccess()
                && host.verifyPin(CardProfiles.resolve("default").authPin().toCharArray()).isSuccess()
                && host.signSha256(new byte[32]).isSuccess();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theHostDriverPassesThroughEveryProfile(ReaderProfile profile) throws Exception {
        VirtualTerminal terminal = plug(profile);
        assertEquals(profile.readerName(), terminal.getName());
        Card card = terminal.connect("*");
        assertEquals(profile.t0() ? "T=0" : "T=1", card.getProtocol());
        if (profile.atr() != null) {
            assertArrayEquals(profile.atrBytes(), card.getATR().getBytes());
        }
        JpkiCard host = host(card, false);
        CardProfile cardProfile = CardProfiles.resolve("default");
        assertTrue(host.open().isSuccess());
        AuthCertificate certificate = host.readAuthCertificate().orElseThrow();
        assertEquals(3, host.pinTriesLeft().orElseThrow());
        assertTrue(host.verifyPin(cardProfile.authPin().toCharArray()).isSuccess());
        byte[] message = "challenge".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!carriesSignatures(profile)) {
            // the certificate came in smaller reads; an RSA-2048 signature is 256 bytes in one answer and cannot pass
            assertInstanceOf(CardFailure.ReaderProblem.class,
                    host.signSha256(java.security.MessageDigest.getInstance("SHA-256").digest(message)).failure());
            return;
        }
        byte[] signature = host.signSha256(java.security.MessageDigest.getInstance("SHA-256").digest(message)).orElseThrow();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.certificate().getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signature), "the card signed with the certificate's key");
        // Latency is applied once per command the host sent; never slept here.
        assertEquals(profile.latencyMillis() == 0 ? 0 : sent.get(), pauses.size());
        assertTrue(pauses.stream().allMatch(p -> p == profile.latencyMillis()));
    }

    @Test
    void aT0ReaderDeliversLongAnswersThrough61xxAndGetResponse() throws Exception {
        VirtualTerminal t0 = plug(ReaderProfiles.resolve("acr39u"));
        assertTrue(walk(host(t0.connect("*"), false)));
        VirtualTerminal t1 = plug(ReaderProfiles.resolve("plain"));
        assertTrue(walk(host(t1.connect("*"), false)));
        assertTrue(t0.transmitCount() > t1.transmitCount(),
                "the signature (case 4) came back through 61xx and GET RESPONSE on T=0 only");
    }

    @Test
    void aShortApduReaderRefusesExtendedReadsAndTheDriverFallsBackToShortOnes() throws Exception {
        JpkiCard shortOnly = host(plug(ReaderProfiles.resolve("face-reader")).connect("*"), true);
        assertTrue(shortOnly.open().isSuccess());
        assertTrue(shortOnly.readAuthCertificate().isSuccess(), "no extended length: the rest in short reads");
        List<String> reads = commands.stream().filter(c -> c.startsWith("00B0")).toList();
        assertTrue(reads.stream().anyMatch(c -> c.length() == 14 && c.substring(8, 10).equals("00")),
                "an extended read was tried first: " + reads);
        assertTrue(reads.get(reads.size() - 1).length() == 10, "and short reads finished it: " + reads);

        commands.clear();
        JpkiCard extended = host(plug(ReaderProfiles.resolve("smartphone")).connect("*"), true);
        assertTrue(extended.open().isSuccess());
        assertTrue(extended.readAuthCertificate().isSuccess());
        assertEquals(3, commands.stream().filter(c -> c.startsWith("00B0")).count(), "token, head, then the rest at once");
    }

    @Test
    void aReaderWhoseAnswersHold253BytesGetsSmallerReadsAndKeepsTheSizeThatWorked() throws Exception {
        JpkiCard host = host(plug(ReaderProfiles.resolve("nfc-253")).connect("*"), false);
        assertTrue(host.open().isSuccess(), "the 32-byte token read fits");
        commands.clear();
        AuthCertificate certificate = host.readAuthCertificate().orElseThrow();
        List<String> les = commands.stream().filter(c -> c.startsWith("00B0")).map(c -> c.substring(8)).toList();
        assertEquals(List.of("00", "FF", "E0"), les.subList(0, 3), "256 and 255 failed, 224 passed: " + les);
        assertTrue(les.subList(3, les.size() - 1).stream().allMatch("E0"::equals), "then 224 for the rest: " + les);
        assertArrayEquals(new jp.mynadesk.pki.CardIssuer(jp.mynadesk.pki.TestCa.standard())
                .issue(CardProfiles.resolve("default").toHolderSpec()).authCertificate().getEncoded(), certificate.der());
    }

    @Test
    void anAnswerOverTheReadersCapFailsTheExchange(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, """
                {"name": "tiny", "description": "100-byte reader", "note": "none", "readerName": "Tiny 00 00",
                 "atr": null, "t0": false, "extendedApdus": true, "maxResponse": 100, "latencyMillis": 0, "dropAfterSeconds": 0}
                """);
        JpkiCard host = host(plug(ReaderProfiles.resolve(file.toString())).connect("*"), false);
        assertTrue(host.open().isSuccess(), "a 32-byte token read fits");
        CardFailure failure = host.readAuthCertificate().failure();
        assertEquals(PcscProblem.OTHER, assertInstanceOf(CardFailure.ReaderProblem.class, failure).kind());
    }

    @Test
    void aReaderThatDropsTheCardAfterItsTimeTakesItOut() throws Exception {
        ReaderProfile phone = ReaderProfiles.resolve("smartphone");
        VirtualTerminal terminal = plug(phone);
        JpkiCard host = host(terminal.connect("*"), false);
        nanos.addAndGet((phone.dropAfterSeconds() - 1) * 1_000_000_000L);
        assertTrue(host.open().isSuccess(), "still in the field a second before");
        nanos.addAndGet(1_000_000_000L);
        assertInstanceOf(CardFailure.CardRemoved.class, host.readAuthCertificate().failure());
        assertFalse(terminal.isCardPresent(), "the card left the slot");
    }

    @Test
    void unknownProfilesAndBadFilesAreNamed(@TempDir Path dir) throws Exception {
        ProfileException unknown = assertThrows(ProfileException.class, () -> ReaderProfiles.resolve("acr38"));
        assertTrue(unknown.getMessage().contains("rc-s300"), unknown.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"x\", \"readerName\": \"X\", \"latencyMillis\": -5, \"t0\": false, "
                + "\"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 0, \"atr\": null, "
                + "\"description\": \"d\", \"note\": \"n\"}");
        ProfileException negative = assertThrows(ProfileException.class, () -> ReaderProfiles.resolve(bad.toString()));
        assertTrue(negative.getMessage().contains("bad.json: latencyMillis: -5 は使えません"), negative.getMessage());
    }

    @Test
    void everyBuiltInProfileHasItsFirmwareNote() {
        for (ReaderProfile p : ReaderProfiles.list()) {
            assertTrue(Files.isRegularFile(Path.of("firmware-notes", p.note())), p.name() + " → firmware-notes/" + p.note());
        }
    }
}
