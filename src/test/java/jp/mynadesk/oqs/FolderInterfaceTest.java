package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import jp.mynadesk.oqs.server.FolderInterface;
import jp.mynadesk.oqs.server.OqsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The req/res/face folder interface, driven as clinic software drives it (write elsewhere, move into req). */
class FolderInterfaceTest {
    @TempDir
    Path root;
    @TempDir
    Path work;
    private MutableClock clock;
    private OqsServer server;
    private FolderInterface folder;

    @BeforeEach
    void start() throws IOException {
        clock = MutableClock.jst("2026-04-15T10:00:00");
        server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock).folder(root).folderPoll(Duration.ZERO)
                .batchProcessingTime(Duration.ofSeconds(10)));
        folder = server.folder().orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void drop(String name, byte[] content) throws IOException {
        Path tmp = work.resolve(name);
        Files.write(tmp, content);
        Files.move(tmp, folder.req().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void foldersAreCreated() {
        assertTrue(Files.isDirectory(root.resolve("req")));
        assertTrue(Files.isDirectory(root.resolve("res")));
        assertTrue(Files.isDirectory(root.resolve("face")));
    }

    @Test
    void numbersRequestGetsAResultWithTheSameSuffixAndEchoedIdentifier() throws Exception {
        drop("OQSsiquc01req_202604150001.xml", OqsXml.write(new QualificationRequest("20260415", Cards.INSTITUTION, "CLINIC-XYZ",
                new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "1", "pt-9"))));
        assertEquals(1, folder.processPending());
        assertEquals(List.of(), names(folder.req()));
        assertEquals(List.of("OQSsiquc01res_202604150001.xml"), names(folder.res()));
        QualificationResponse r = OqsXml.readQualificationResponse(XmlNode.parse(
                Files.readAllBytes(folder.res().resolve("OQSsiquc01res_202604150001.xml"))));
        assertTrue(r.confirmed());
        assertEquals("CLINIC-XYZ", r.header().arbitraryFileIdentifier());
        assertEquals("pt-9", r.results().get(0).arbitraryIdentifier());
        assertEquals("A03", r.results().get(0).limitApplication().classificationFlag());
    }

    @Test
    void shiftJisRequestIsRead() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"Shift_JIS\" standalone=\"no\"?><XmlMsg><MessageHeader>"
                + "<QualificationConfirmationDate>20260415</QualificationConfirmationDate><MedicalInstitutionCode>1311111111"
                + "</MedicalInstitutionCode><ArbitraryFileIdentifier>SJIS</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<QualificationConfirmSearchInfo><InsurerNumber>00141002</InsurerNumber><InsuredCardSymbol>横中</InsuredCardSymbol>"
                + "<InsuredIdentificationNumber>123456</InsuredIdentificationNumber><Birthdate>19781123</Birthdate>"
                + "</QualificationConfirmSearchInfo></MessageBody></XmlMsg>";
        drop("OQSsiquc01req_sjis.xml", xml.getBytes(Charset.forName("Shift_JIS")));
        folder.processPending();
        QualificationResponse r = OqsXml.readQualificationResponse(XmlNode.parse(Files.readAllBytes(folder.res().resolve("OQSsiquc01res_sjis.xml"))));
        assertEquals(QualificationValidity.VALID, r.qualificationValidity());
        assertEquals("  141002", r.results().get(0).insurerNumber());
    }

    @Test
    void rejectedRequestsAreMovedToResWithAnErrFile() throws Exception {
        drop("OQSsiquc01req_broken.xml", "<XmlMsg><MessageHeader>".getBytes(StandardCharsets.UTF_8));
        drop("OQSxxxxx01req_unknown.xml", OqsXml.write(new BatchDownloadRequest(Cards.INSTITUTION, "x", "1")));
        drop("OQSsiquc01req_xxe.xml", ("<!DOCTYPE XmlMsg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><XmlMsg>&x;</XmlMsg>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(3, folder.processPending());
        assertEquals(List.of(), names(folder.req()));
        assertEquals(List.of("OQSsiquc01req_broken.err", "OQSsiquc01req_broken.xml", "OQSsiquc01req_xxe.err",
                "OQSsiquc01req_xxe.xml", "OQSxxxxx01req_unknown.err", "OQSxxxxx01req_unknown.xml"), names(folder.res()));
        assertTrue(Files.readString(folder.res().resolve("OQSsiquc01req_broken.err")).contains("well-formed"));
        assertTrue(Files.readString(folder.res().resolve("OQSxxxxx01req_unknown.err")).contains("unknown request file name"));
        assertFalse(Files.readString(folder.res().resolve("OQSsiquc01req_xxe.err")).contains("root:"));
    }

    @Test
    void batchThroughFilesProcessingThenResults() throws Exception {
        drop("OQSmuquc01req_000000000001.xml", OqsXml.write(new BatchRequest("20260415", Cards.INSTITUTION, "BULK-1", List.of(
                new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "0", "pt-1"),
                new QualificationSearchInfo("01040013", "40001111", "21", null, "20100720", "0", "pt-2")))));
        folder.processPending();
        BatchReception reception = OqsXml.readBatchReception(XmlNode.parse(Files.readAllBytes(folder.res().resolve("OQSmuquc01res_000000000001.xml"))));
        assertEquals("BULK-1", reception.header().arbitraryFileIdentifier());
        byte[] download = OqsXml.write(new BatchDownloadRequest(Cards.INSTITUTION, "DL", reception.receptionNumber()));
        drop("OQSmuquc02req_000000000001.xml", download);
        folder.processPending();
        Path res = folder.res().resolve("OQSmuquc02res_000000000001.xml");
        BatchResult pending = OqsXml.readBatchResult(XmlNode.parse(Files.readAllBytes(res)));
        assertTrue(pending.processing());
        assertTrue(Files.readString(res).contains("<SegmentOfResult>2</SegmentOfResult>"));
        clock.advance(Duration.ofSeconds(11));
        drop("OQSmuquc02req_000000000001.xml", download);
        folder.processPending();
        BatchResult done = OqsXml.readBatchResult(XmlNode.parse(Files.readAllBytes(res)));
        assertFalse(done.processing());
        assertEquals(reception.receptionNumber(), done.receptionNumber());
        assertEquals(QualificationValidity.VALID, done.units().get(0).qualificationValidity());
        assertEquals("P000123", done.units().get(0).referenceNumber(), "the 照会番号 this clinic registered");
        // one ResultOfQualificationConfirmation per BulkConfirmUnit (docs/OQS-MOCK.md §2.3): the twins are two units
        assertEquals(3, done.units().size());
        for (int i = 1; i <= 2; i++) {
            assertEquals(QualificationValidity.MULTIPLE, done.units().get(i).qualificationValidity());
            assertEquals(1, done.units().get(i).results().size());
            assertEquals("pt-2", done.units().get(i).searchInfo().arbitraryIdentifier());
        }
        assertEquals(List.of("P002001", "P002002"), List.of(done.units().get(1).referenceNumber(), done.units().get(2).referenceNumber()));
        assertEquals("3", done.numberOfProcessingResult());
        assertEquals(2, done.perPerson().size(), "joined again per person for the desk");
        assertEquals(2, done.perPerson().get(1).results().size());
    }

    @Test
    void cardChecksOverHttpAppearInFace() throws Exception {
        OqsClient client = OqsClient.builder(server.uri()).clock(clock).build();
        assertTrue(Cards.pinCheck(client, Cards.profile("default"), "20260415").isOk());
        assertTrue(Cards.pinCheck(client, Cards.profile("revoked"), "20260415") instanceof OqsResult.Rejected);
        List<String> faces = names(folder.face());
        assertEquals(1, faces.size(), "only successful checks produce a face file: " + faces);
        // as public tools name and watch them (docs/OQS-MOCK.md §1.1)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("OQSsiquc01res_face_.+_(\\d{14})\\.xml").matcher(faces.get(0));
        assertTrue(m.matches(), faces.get(0));
        assertEquals("20260415100000", m.group(1));
        assertTrue(faces.get(0).startsWith("OQSsiquc01res_face_" + Cards.INSTITUTION + "000"), faces.get(0));
        assertEquals("OQSsiquc01res_face_".length() + 30 + 1 + 14 + 4, faces.get(0).length());
        QualificationResponse r = OqsXml.readQualificationResponse(XmlNode.parse(Files.readAllBytes(folder.face().resolve(faces.get(0)))));
        assertEquals(ReferenceClassification.CARD, r.header().referenceClassification());
        assertEquals("協会　太郎", r.results().get(0).name());
        assertFalse(names(folder.face()).stream().anyMatch(n -> n.endsWith(".tmp")));
    }

    @Test
    void backgroundPollerPicksUpFiles() throws Exception {
        Path other = Files.createTempDirectory(work, "poll");
        try (OqsServer polled = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock).folder(other)
                .folderPoll(Duration.ofMillis(20)))) {
            assertTrue(polled.folder().isPresent());
            Path tmp = work.resolve("r.xml");
            Files.write(tmp, OqsXml.write(Cards.numbers("20260415", "01130012", "12345678", "1", "00", "19890510", false)));
            Files.move(tmp, other.resolve("req/OQSsiquc01req_poll.xml"), StandardCopyOption.ATOMIC_MOVE);
            Path answer = other.resolve("res/OQSsiquc01res_poll.xml");
            for (int i = 0; i < 250 && !Files.exists(answer); i++) {
                Thread.sleep(20);
            }
            assertTrue(Files.exists(answer), "the poller answered within 5 s");
        }
    }
}
