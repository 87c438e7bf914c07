package jp.mynadesk.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulatorCertificatesTest {
    private static final String REGENERATE = " (regenerate with scripts/simulator-keys)";

    private static SimulatorCertificates parse(String text) throws IOException {
        return SimulatorCertificates.parse("test", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String line(String label, byte[] der) {
        return label + " = " + Base64.getEncoder().encodeToString(der) + "\n";
    }

    private static HolderSpec defaultSpec() {
        return CardProfiles.builtIn("default").orElseThrow().toHolderSpec();
    }

    /** A CA and issuer that sign everything themselves: what the bundle must equal. */
    private static TestCa freshCa() {
        return TestCa.create(TestCa.STANDARD, SimulatorCertificates.NONE);
    }

    @Test
    void theStandardCaRootsAreBundledAndByteIdenticalToFreshIssuance() throws Exception {
        SimulatorCertificates bundle = SimulatorCertificates.bundled();
        TestCa fresh = freshCa();
        TestCa standard = TestCa.standard();
        List<String> labels = TestCa.certificateLabels(TestCa.STANDARD);
        labels.forEach(label -> assertTrue(bundle.contains(label), label + " is not bundled" + REGENERATE));
        assertArrayEquals(fresh.authRoot().certificate().getEncoded(), standard.authRoot().certificate().getEncoded(),
                labels.get(0) + REGENERATE);
        assertArrayEquals(fresh.signRoot().certificate().getEncoded(), standard.signRoot().certificate().getEncoded(),
                labels.get(1) + REGENERATE);
        assertEquals(fresh.authRoot().certificate(), standard.authRoot().certificate());
        assertEquals(fresh.authRoot().certificate().getClass(), standard.authRoot().certificate().getClass());
        assertEquals(fresh.authRoot().name(), standard.authRoot().name());
        assertEquals(fresh.signRoot().name(), standard.signRoot().name());
        assertSame(fresh.authRoot().keys(), standard.authRoot().keys());
        assertSame(fresh.signRoot().keys(), standard.signRoot().keys());
    }

    @Test
    void everyBuiltInProfileIsBundledAndIssuedExactlyAsFreshIssuanceWould() throws Exception {
        SimulatorCertificates bundle = SimulatorCertificates.bundled();
        CardIssuer bundled = new CardIssuer(TestCa.standard());
        CardIssuer fresh = new CardIssuer(freshCa());
        for (CardProfile profile : CardProfiles.list()) {
            HolderSpec spec = profile.toHolderSpec();
            String name = profile.name();
            bundled.certificateLabels(spec).forEach(label ->
                    assertTrue(bundle.contains(label), label + " is not bundled, so it is signed on every start" + REGENERATE));
            assertEquals(bundled.certificateLabels(spec), fresh.certificateLabels(spec), name);
            HolderCertificates b = bundled.issue(spec);
            HolderCertificates f = fresh.issue(spec, SimulatorCertificates.NONE);
            assertArrayEquals(f.authCertificate().getEncoded(), b.authCertificate().getEncoded(), name + REGENERATE);
            assertArrayEquals(f.signCertificate().getEncoded(), b.signCertificate().getEncoded(), name + REGENERATE);
            // Every field of what a card is personalised with, not only the bytes.
            assertEquals(f.authCertificate(), b.authCertificate(), name);
            assertEquals(f.authCertificate().getClass(), b.authCertificate().getClass(), name);
            assertEquals(f.signCertificate(), b.signCertificate(), name);
            assertEquals(f.authCaCertificate(), b.authCaCertificate(), name);
            assertEquals(f.signCaCertificate(), b.signCaCertificate(), name);
            assertSame(f.authCardKey(), b.authCardKey(), name);
            assertSame(f.signCardKey(), b.signCardKey(), name);
        }
    }

    @Test
    void theFileHoldsTheBuiltInCertificatesInOrderAndNoStaleOnes() {
        Map<String, X509Certificate> issued = SimulatorCertificatesFile.issueAll();
        assertEquals(2 + 2 * CardProfiles.list().size(), issued.size());
        assertEquals(List.copyOf(issued.keySet()), List.copyOf(SimulatorCertificates.bundled().labels()), REGENERATE);
    }

    /** What the validator hands the revocation source: the card certificate and the anchor it chained to. */
    private record Seen(CertificateVerdict verdict, List<byte[]> chain) {}

    private static Seen validate(TrustAnchors anchors, X509Certificate card) {
        List<byte[]> chain = new java.util.ArrayList<>();
        RevocationSource recording = (certificate, issuer) -> {
            try {
                chain.add(certificate.getEncoded());
                chain.add(issuer.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new AssertionError(e);
            }
            return new RevocationStatus.Good();
        };
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), CertificateValidator.JST);
        return new Seen(new CertificateValidator(anchors, recording, clock).validate(card), chain);
    }

    @Test
    void theValidatorSeesTheSameVerdictAndChainForABundledCardAsForAFreshOne() {
        CardIssuer fresh = new CardIssuer(freshCa());
        for (CardProfile profile : CardProfiles.list()) {
            HolderSpec spec = profile.toHolderSpec();
            Seen bundled = validate(TrustAnchors.testCa(), new CardIssuer(TestCa.standard()).issue(spec).authCertificate());
            Seen issued = validate(TrustAnchors.of(freshCa()),
                    fresh.issue(spec, SimulatorCertificates.NONE).authCertificate());
            assertEquals(issued.verdict(), bundled.verdict(), profile.name());
            assertEquals(issued.chain().size(), bundled.chain().size(), profile.name());
            for (int i = 0; i < issued.chain().size(); i++) {
                assertArrayEquals(issued.chain().get(i), bundled.chain().get(i), profile.name() + " chain " + i);
            }
        }
    }

    /** One holder field changed at a time: each gives other labels, so the bundled entry is never used. */
    static Stream<Arguments> changedSpecs() {
        Map<String, UnaryOperator<HolderSpec>> changes = new LinkedHashMap<>();
        changes.put("keyLabel", s -> with(s, 0, "profile:default-copy"));
        changes.put("subjectId", s -> with(s, 1, "ZZZZZZZZZZZZZZZZZZZZZZZ"));
        changes.put("issued", s -> with(s, 2, s.issued().minusDays(1)));
        changes.put("authExpiry", s -> with(s, 3, s.authExpiry().minusDays(1)));
        changes.put("signExpiry", s -> with(s, 4, s.signExpiry().minusDays(1)));
        changes.put("name", s -> with(s, 5, s.name() + "子"));
        changes.put("birthDate", s -> with(s, 6, s.birthDate().minusDays(1)));
        changes.put("sex", s -> with(s, 7, "9"));
        changes.put("address", s -> with(s, 8, s.address() + "１"));
        changes.put("mismatchedKey", s -> with(s, 9, !s.mismatchedKey()));
        return changes.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().apply(defaultSpec())));
    }

    private static HolderSpec with(HolderSpec s, int field, Object value) {
        Object[] v = {s.keyLabel(), s.subjectId(), s.issued(), s.authExpiry(), s.signExpiry(), s.name(), s.birthDate(),
            s.sex(), s.address(), s.mismatchedKey()};
        assertNotEquals(v[field], value);
        v[field] = value;
        return new HolderSpec((String) v[0], (String) v[1], (java.time.LocalDate) v[2], (java.time.LocalDate) v[3],
                (java.time.LocalDate) v[4], (String) v[5], (java.time.LocalDate) v[6], (String) v[7], (String) v[8],
                (Boolean) v[9]);
    }

    /** The real labels of the default card and the standard CA, each mapped to bytes that are no certificate. */
    private static SimulatorCertificates corruptBundle() throws IOException {
        StringBuilder text = new StringBuilder("# corrupt entries under the real labels\n");
        for (String label : new CardIssuer(TestCa.standard()).certificateLabels(defaultSpec())) {
            text.append(line(label, "not a certificate".getBytes(StandardCharsets.US_ASCII)));
        }
        for (String label : TestCa.certificateLabels(TestCa.STANDARD)) {
            text.append(line(label, "not a certificate".getBytes(StandardCharsets.US_ASCII)));
        }
        return parse(text.toString());
    }

    @ParameterizedTest(name = "{0} changed")
    @MethodSource("changedSpecs")
    void aSpecThatDiffersInAnyFieldIsIssuedFresh(String field, HolderSpec changed) throws Exception {
        CardIssuer issuer = new CardIssuer(TestCa.standard());
        List<String> builtIn = issuer.certificateLabels(defaultSpec());
        List<String> labels = issuer.certificateLabels(changed);
        assertFalse(labels.stream().anyMatch(builtIn::contains), field + " must be part of the label: " + labels);
        labels.forEach(label -> assertFalse(SimulatorCertificates.bundled().contains(label), label));
        // The corrupt bundle holds the default card's labels: only a lookup under them would throw.
        HolderCertificates issued = issuer.issue(changed, corruptBundle());
        HolderCertificates fresh = issuer.issue(changed, SimulatorCertificates.NONE);
        assertArrayEquals(fresh.authCertificate().getEncoded(), issued.authCertificate().getEncoded(), field);
        assertArrayEquals(fresh.signCertificate().getEncoded(), issued.signCertificate().getEncoded(), field);
        assertArrayEquals(fresh.authCertificate().getEncoded(), issuer.issue(changed).authCertificate().getEncoded(), field);
    }

    @Test
    void aChangedHolderGetsItsOwnDataNotTheBundledCertificate() throws Exception {
        HolderSpec moved = with(defaultSpec(), 8, "大阪府大阪市北区中之島１－３－２０");
        HolderCertificates card = new CardIssuer(TestCa.standard()).issue(moved);
        HolderCertificates builtIn = new CardIssuer(TestCa.standard()).issue(defaultSpec());
        assertFalse(Arrays.equals(builtIn.signCertificate().getEncoded(), card.signCertificate().getEncoded()));
        assertTrue(containsUtf8(card.signCertificate().getEncoded(), "大阪府大阪市北区中之島"));
        assertFalse(containsUtf8(card.signCertificate().getEncoded(), defaultSpec().address()));
    }

    private static boolean containsUtf8(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void anotherCaIssuesFreshEvenForABuiltInProfile() throws Exception {
        SimulatorCertificates corrupt = corruptBundle();
        TestCa other = TestCa.create("unit-other", corrupt);
        TestCa.certificateLabels("unit-other").forEach(l -> assertFalse(SimulatorCertificates.bundled().contains(l), l));
        HolderCertificates card = new CardIssuer(other).issue(defaultSpec(), corrupt);
        card.authCertificate().verify(other.authRoot().certificate().getPublicKey());
        assertNotEquals(TestCa.standard().authRoot().certificate(), other.authRoot().certificate());
        assertNotEquals(new CardIssuer(TestCa.standard()).certificateLabels(defaultSpec()),
                new CardIssuer(other).certificateLabels(defaultSpec()));
    }

    @Test
    void aCorruptEntryThrowsNamingItsLabelAndIsNeverIssuedInstead() throws Exception {
        SimulatorCertificates corrupt = corruptBundle();
        List<String> cardLabels = new CardIssuer(TestCa.standard()).certificateLabels(defaultSpec());
        IllegalStateException card = assertThrows(IllegalStateException.class,
                () -> new CardIssuer(TestCa.standard()).issue(defaultSpec(), corrupt));
        assertTrue(card.getMessage().contains(cardLabels.get(0)), card.getMessage());
        IllegalStateException ca = assertThrows(IllegalStateException.class, () -> TestCa.create(TestCa.STANDARD, corrupt));
        assertTrue(ca.getMessage().contains(TestCa.certificateLabels(TestCa.STANDARD).get(0)), ca.getMessage());

        byte[] der = TestCa.standard().authRoot().certificate().getEncoded();
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("not-base64", "MIID!!notbase64");
        broken.put("empty", "");
        broken.put("truncated", Base64.getEncoder().encodeToString(Arrays.copyOf(der, der.length - 40)));
        broken.put("trailing", Base64.getEncoder().encodeToString(Arrays.copyOf(der, der.length + 3)));
        byte[] flipped = der.clone();
        flipped[flipped.length / 3] ^= 0x01; // inside the signed part: still parses, the signature no longer verifies
        broken.put("flipped", Base64.getEncoder().encodeToString(flipped));
        String label = TestCa.certificateLabels(TestCa.STANDARD).get(0);
        for (var e : broken.entrySet()) {
            SimulatorCertificates bundle = parse(line(label, new byte[0]).replace(" = ", " = " + e.getValue()));
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> TestCa.create(TestCa.STANDARD, bundle), e.getKey());
            assertTrue(thrown.getMessage().contains(label), e.getKey() + ": " + thrown.getMessage());
        }
    }

    @Test
    void anIntactCertificateUnderAnotherLabelIsRefusedNamingTheLabel() throws Exception {
        // The sign root under the auth root's label: decodes and verifies (self-signed), but is not what issuance makes.
        List<String> labels = TestCa.certificateLabels(TestCa.STANDARD);
        SimulatorCertificates swapped = parse(line(labels.get(0), TestCa.standard().signRoot().certificate().getEncoded()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestCa.create(TestCa.STANDARD, swapped));
        assertTrue(e.getMessage().contains(labels.get(0)) && e.getMessage().contains("subject key"), e.getMessage());

        // The default card's auth certificate under the one-try-left card's label.
        HolderSpec other = CardProfiles.builtIn("one-try-left").orElseThrow().toHolderSpec();
        CardIssuer issuer = new CardIssuer(TestCa.standard());
        String otherLabel = issuer.certificateLabels(other).get(0);
        SimulatorCertificates misplaced = parse(line(otherLabel, issuer.issue(defaultSpec()).authCertificate().getEncoded()));
        IllegalStateException m = assertThrows(IllegalStateException.class, () -> issuer.issue(other, misplaced));
        assertTrue(m.getMessage().contains(otherLabel), m.getMessage());
    }

    @Test
    void aCheckedEntryIsReusedOnlyForTheInputsItMatched() throws Exception {
        // The default card's certificates in a bundle of their own: the second card reuses what the first checked.
        CardIssuer issuer = new CardIssuer(TestCa.standard());
        HolderCertificates first = issuer.issue(defaultSpec());
        List<String> labels = issuer.certificateLabels(defaultSpec());
        SimulatorCertificates bundle = parse(line(labels.get(0), first.authCertificate().getEncoded())
                + line(labels.get(1), first.signCertificate().getEncoded()));
        HolderCertificates a = issuer.issue(defaultSpec(), bundle);
        HolderCertificates b = issuer.issue(defaultSpec(), bundle);
        assertSame(a.authCertificate(), b.authCertificate());
        assertSame(a.signCertificate(), b.signCertificate());
        assertEquals(first.authCertificate(), a.authCertificate());

        // The same label asked with other issuance inputs (another subject key) is checked afresh, and refused.
        X509Certificate auth = a.authCertificate();
        SimulatorCertificates.Expected other = new SimulatorCertificates.Expected(
                TestCa.standard().signRoot().certificate().getPublicKey(), auth.getSerialNumber(),
                auth.getNotBefore().toInstant(), auth.getNotAfter().toInstant(), auth.getIssuerX500Principal(),
                TestCa.standard().authRoot().certificate().getPublicKey());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bundle.find(labels.get(0), other));
        assertTrue(e.getMessage().contains("subject key"), e.getMessage());
    }

    @Test
    void labelsSeparateTheirInputs() {
        assertNotEquals(SimulatorCertificates.label("k", "ab", "c"), SimulatorCertificates.label("k", "a", "bc"));
        assertNotEquals(SimulatorCertificates.label("k", (Object) null), SimulatorCertificates.label("k", ""));
        assertNotEquals(SimulatorCertificates.label("k", "x"), SimulatorCertificates.label("k", (Object) "x".getBytes()));
        assertEquals(SimulatorCertificates.label("k", "x"), SimulatorCertificates.label("k", "x"));
        assertTrue(SimulatorCertificates.label("auth:profile:default", "x").matches("auth:profile:default@[0-9a-f]{32}"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorCertificates.label("k", 1));
    }

    @Test
    void formatWritesWhatParseReadsBack() throws Exception {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        TestCa ca = TestCa.standard();
        List<String> labels = TestCa.certificateLabels(TestCa.STANDARD);
        certificates.put(labels.get(1), ca.signRoot().certificate());
        certificates.put(labels.get(0), ca.authRoot().certificate());
        SimulatorCertificates back = parse(SimulatorCertificates.format(certificates, "header\n\nsecond"));
        assertEquals(List.copyOf(certificates.keySet()), List.copyOf(back.labels()));
        assertEquals(ca.authRoot().certificate(), TestCa.create(TestCa.STANDARD, back).authRoot().certificate());
        assertThrows(IllegalStateException.class, () -> parse("no separator\n"));
    }

    /**
     * The answers to reading EF 000A as a host does (256-byte READ BINARY steps), status words included; a phone
     * token keeps it behind the auth PIN, so the PIN is verified first there.
     */
    private static List<byte[]> readAuthCertificateEf(MyNumberCard card) {
        card.powerOn();
        List<byte[]> answers = new java.util.ArrayList<>();
        answers.add(card.process(HexFormat.of().parseHex("00A4040C0AD392F000260100000001")));
        if (card.profile().token().isPhone()) {
            answers.add(card.process(HexFormat.of().parseHex("00A4020C020018")));
            byte[] pin = card.profile().authPin().getBytes(StandardCharsets.US_ASCII);
            byte[] verify = Arrays.copyOf(HexFormat.of().parseHex("00200080"), 5 + pin.length);
            verify[4] = (byte) pin.length;
            System.arraycopy(pin, 0, verify, 5, pin.length);
            answers.add(card.process(verify));
        }
        answers.add(card.process(HexFormat.of().parseHex("00A4020C02000A")));
        answers.forEach(a -> assertEquals("9000", sw(a)));
        for (int offset = 0; offset < 4096; offset += 256) {
            byte[] r = card.process(new byte[] {0x00, (byte) 0xB0, (byte) (offset >> 8), (byte) offset, 0x00});
            answers.add(r);
            if (!sw(r).equals("9000") || r.length < 258) {
                break;
            }
        }
        return answers;
    }

    /** The EF's bytes: the data of the READ BINARY answers that succeeded. */
    private static byte[] data(List<byte[]> answers) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        answers.stream().filter(a -> a.length > 2).filter(a -> sw(a).equals("9000")).forEach(a -> all.write(a, 0, a.length - 2));
        return all.toByteArray();
    }

    private static String sw(byte[] response) {
        return HexFormat.of().withUpperCase().formatHex(response, response.length - 2, response.length);
    }

    @Test
    void aVirtualCardWithBundledCertificatesAnswersTheSameApdusAsOneIssuedFresh() throws Exception {
        for (CardProfile profile : CardProfiles.list()) {
            HolderCertificates issued = new CardIssuer(freshCa()).issue(profile.toHolderSpec(), SimulatorCertificates.NONE);
            MyNumberCard bundled = MyNumberCard.of(profile);
            MyNumberCard fresh = new MyNumberCard(profile, issued, MyNumberCard.Options.DEFAULT);
            List<byte[]> answers = readAuthCertificateEf(bundled);
            List<byte[]> expected = readAuthCertificateEf(fresh);
            assertEquals(expected.size(), answers.size(), profile.name());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), answers.get(i), profile.name() + " answer " + i);
            }
            byte[] der = issued.authCertificate().getEncoded();
            assertTrue(containsAt(data(answers), der), profile.name() + ": EF 000A holds the certificate");
        }
    }

    private static boolean containsAt(byte[] answer, byte[] der) {
        return answer.length >= der.length && Arrays.equals(Arrays.copyOf(answer, der.length), der);
    }
}
