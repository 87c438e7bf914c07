package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.FaultPlan.Rule;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.oqs.server.OqsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 points 3 and 6: every answer repeats its request's header (docs/OQS-MOCK.md §2.9), and honours the request's CharacterCodeIdentifier over HTTP and through the folders (§2.4).
 */
class RequestEchoAndCharacterCodeTest {
    private static final Charset SJIS = Charset.forName("windows-31j");
    /** 髙 is outside JIS X 0208 but in code page 932; 𠮷 (a surrogate pair) is in neither. */
    private static final String NAME = "髙橋 𠮷子";

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.jst("2026-12-07T10:00:00");
    private OqsServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        Path registry = dir.resolve("registry.json");
        Files.writeString(registry, """
                { "institutions": [ { "code": "1311111111", "visualTerminals": [] } ], "revokedCertificates": [],
                  "people": [ { "id": "gaiji", "name": "%s", "kana": "タカハシ ヨシコ", "birthdate": "1970-01-02", "sex": "2",
                    "qualifications": [ { "insurerNumber": "01130012", "insurerName": "全国健康保険協会東京支部",
                      "symbol": "髙①", "number": "5", "branch": "00", "insuredName": "%s", "qualificationDate": "2020-04-01" } ] } ] }
                """.formatted(NAME, NAME));
        server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock).registry(InsuredRegistry.load(registry))
                .folder(dir.resolve("oqs")).folderPoll(java.time.Duration.ZERO));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String request(String encoding, String characterCode, String institution) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\" standalone=\"no\"?>\n<XmlMsg><MessageHeader>"
                + "<QualificationConfirmationDate>20261207</QualificationConfirmationDate>"
                + "<MedicalInstitutionCode>" + institution + "</MedicalInstitutionCode>"
                + "<ArbitraryFileIdentifier>受付①-7</ArbitraryFileIdentifier>"
                + (characterCode == null ? "" : "<CharacterCodeIdentifier>" + characterCode + "</CharacterCodeIdentifier>")
                + "</MessageHeader><MessageBody><QualificationConfirmSearchInfo>"
                + "<InsurerNumber>01130012</InsurerNumber><InsuredCardSymbol>髙①</InsuredCardSymbol>"
                + "<InsuredIdentificationNumber>5</InsuredIdentificationNumber><Birthdate>19700102</Birthdate>"
                + "<LimitApplicationCertificateRelatedConsFlg>0</LimitApplicationCertificateRelatedConsFlg>"
                + "<ArbitraryIdentifier>髙-患者</ArbitraryIdentifier>"
                + "</QualificationConfirmSearchInfo></MessageBody></XmlMsg>";
    }

    private HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // --- point 3 --------------------------------------------------------------------------------

    @Test
    void aSegment9FaultRepeatsTheRequestHeader() throws Exception {
        server.faults().set(FaultPlan.of(Rule.segment9("ES9001", "システムエラー")));
        HttpResponse<byte[]> r = post("oqs/qualification", request("UTF-8", null, "1311111111").getBytes(StandardCharsets.UTF_8));
        MessageHeader h = OqsXml.readHeader(XmlNode.parse(r.body()));
        assertEquals(SegmentOfResult.ABNORMAL, h.segmentOfResult());
        assertEquals("ES9001", h.errorCode());
        assertEquals("20261207", h.qualificationConfirmationDate());
        assertEquals("1311111111", h.medicalInstitutionCode());
        assertEquals("受付①-7", h.arbitraryFileIdentifier());
        assertEquals(ReferenceClassification.NUMBERS, h.referenceClassification());
    }

    @Test
    void anUnreadableRequestIsAnsweredWithItsHeader() throws Exception {
        String noBody = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader>"
                + "<QualificationConfirmationDate>20261207</QualificationConfirmationDate>"
                + "<MedicalInstitutionCode>1311111111</MedicalInstitutionCode>"
                + "<ArbitraryFileIdentifier>no-body</ArbitraryFileIdentifier></MessageHeader></XmlMsg>";
        HttpResponse<byte[]> r = post("oqs/qualification", noBody.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        MessageHeader h = OqsXml.readHeader(XmlNode.parse(r.body()));
        assertEquals(OqsErrorCodes.MALFORMED_REQUEST, h.errorCode());
        assertEquals("no-body", h.arbitraryFileIdentifier());
        assertEquals("20261207", h.qualificationConfirmationDate());
        assertEquals(ReferenceClassification.NUMBERS, h.referenceClassification());
    }

    @Test
    void aRefusedInstitutionStillEchoes() throws Exception {
        HttpResponse<byte[]> r = post("oqs/qualification", request("UTF-8", null, "13111").getBytes(StandardCharsets.UTF_8));
        MessageHeader h = OqsXml.readHeader(XmlNode.parse(r.body()));
        assertEquals(OqsErrorCodes.BAD_INSTITUTION, h.errorCode());
        assertEquals("13111", h.medicalInstitutionCode());
        assertEquals("受付①-7", h.arbitraryFileIdentifier());
        assertEquals("20261207", h.qualificationConfirmationDate());
    }

    // --- point 6 --------------------------------------------------------------------------------

    @Test
    void shiftJisOverHttpBothWays() throws Exception {
        HttpResponse<byte[]> r = post("oqs/qualification", request("Shift_JIS", "1", "1311111111").getBytes(SJIS));
        assertEquals("application/xml; charset=Shift_JIS", r.headers().firstValue("Content-Type").orElse(""));
        assertShiftJisAnswer(r.body());
    }

    @Test
    void utf8UnlessAsked() throws Exception {
        HttpResponse<byte[]> r = post("oqs/qualification", request("Shift_JIS", null, "1311111111").getBytes(SJIS));
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""), text);
        QualificationResponse a = OqsXml.readQualificationResponse(XmlNode.parse(r.body()));
        assertEquals("0", a.header().characterCodeIdentifier());
        assertEquals("髙橋　𠮷子", a.results().get(0).name(), "UTF-8 holds every character");
    }

    @Test
    void shiftJisThroughTheFolders() throws Exception {
        Path req = dir.resolve("oqs/req");
        Path tmp = dir.resolve("work.xml");
        Files.write(tmp, request("Shift_JIS", "1", "1311111111").getBytes(SJIS));
        Files.move(tmp, req.resolve("OQSsiquc01req_000000000001.xml"));
        server.folder().orElseThrow().processPending();
        assertShiftJisAnswer(Files.readAllBytes(dir.resolve("oqs/res/OQSsiquc01res_000000000001.xml")));
    }

    @Test
    void aCardCheckAskingForShiftJisWritesTheFaceFileInShiftJis() throws Exception {
        try (OqsServer builtIn = OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock)
                .folder(dir.resolve("face-oqs")).folderPoll(java.time.Duration.ZERO))) {
            OqsClient client = OqsClient.builder(builtIn.uri()).clock(clock).build();
            Challenge c = ((OqsResult.Ok<Challenge>) client.challenge()).value();
            var card = Cards.profile("default");
            OqsResult<QualificationResponse> answer = client.checkCard(new CardCheckRequest(CardCheckRequest.Mode.PIN,
                    "20261207", Cards.INSTITUTION, "F", Cards.der(card), c.challengeId(), Cards.sign(card, c.nonce()),
                    "DESK-02", null, CharacterCode.SHIFT_JIS));
            assertTrue(answer.isOk(), answer::describe);
            assertEquals("1", ((OqsResult.Ok<QualificationResponse>) answer).value().header().characterCodeIdentifier());
            try (Stream<Path> faces = Files.list(dir.resolve("face-oqs/face"))) {
                byte[] face = Files.readAllBytes(faces.findFirst().orElseThrow());
                String text = new String(face, SJIS);
                assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"Shift_JIS\""), text);
                assertTrue(text.contains("協会　太郎"), text);
            }
        }
    }

    private static void assertShiftJisAnswer(byte[] answer) throws Exception {
        String text = new String(answer, SJIS);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"Shift_JIS\""), text);
        assertTrue(text.contains("<CharacterCodeIdentifier>1</CharacterCodeIdentifier>"), text);
        QualificationResponse a = OqsXml.readQualificationResponse(XmlNode.parse(answer));
        assertEquals("1", a.header().characterCodeIdentifier());
        assertEquals("受付①-7", a.header().arbitraryFileIdentifier(), "code page 932 characters survive both ways");
        QualificationRecord r = a.results().get(0);
        assertEquals("髙橋　" + CharacterCode.REPLACEMENT + "子", r.name(),
                "髙 is in code page 932; 𠮷 is in neither JIS X 0208 nor code page 932 and becomes one ●");
        assertEquals("髙①", r.insuredCardSymbol());
        assertEquals("髙-患者", a.searchInfo().arbitraryIdentifier());
        assertEquals(List.of(), Stream.of(r.name()).filter(n -> n.contains("?")).toList(), "never a question mark");
    }
}
