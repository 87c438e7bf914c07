package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import jp.mynadesk.bench.WebDeskClient;
import jp.mynadesk.bench.WebDeskClient.Answer;
import jp.mynadesk.bench.WebDeskClient.Event;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.QrPayload;
import jp.mynadesk.documents.Sex;
import org.junit.jupiter.api.Test;

/**
 * The web desk's workflow endpoints over real HTTP (virtual card, in-process service, SQLite record): what a slip
 * at the desk does — nothing recorded until every field and every consent question is answered — and what the
 * pages are told. The record is read back after each check.
 */
class WebDeskFormsHttpTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ALL_NO = "{\"answers\":{\"diagnosis\":false,\"drug\":false,\"checkup\":false,\"surgery\":false}}";

    private static String kakuninsho(String issuedOn, String validUntil) {
        return "{\"document\":{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"01130012\",\"symbol\":\"12345678\","
                + "\"number\":\"1\",\"branch\":\"01\",\"name\":\"協会 さくら\",\"birthDate\":\"平成28年4月2日\",\"sex\":\"女\","
                + "\"issuedOn\":\"" + issuedOn + "\",\"validUntil\":\"" + validUntil + "\"},\"address\":\"東京都千代田区霞が関1-2-3\"}";
    }

    @Test
    void aConsentQuestionLeftOutIsAskedAgainNeverRecordedAsNo() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            assertEquals("consent", patient.post("/api/patient/pin", "{\"pin\":\"1234\"}").body().path("desk").path("phase").asText());

            for (String body : List.of("{}", "{\"answers\":{}}", "{\"answers\":{\"diagnosis\":true,\"drug\":false,\"checkup\":true}}",
                    "{\"answers\":{\"diagnosis\":true,\"drug\":false,\"checkup\":true,\"surgery\":null}}",
                    "{\"answers\":{\"diagnosis\":true,\"drug\":false,\"checkup\":true,\"surgery\":\"maybe\"}}",
                    "{\"answers\":{\"diagnosis\":true,\"drug\":false,\"checkup\":true,\"surgery\":1}}")) {
                Answer a = patient.post("/api/patient/consent", body);
                assertEquals(400, a.status(), body);
                assertEquals("consent-unanswered", a.body().path("code").asText(), body);
                assertTrue(a.body().path("message").asText().contains("手術情報"), a.body().toString());
                assertInstanceOf(Prompt.AwaitingConsent.class, f.web.prompt(), "still asking after " + body);
            }
            assertEquals(List.of("diagnosis", "drug", "checkup", "surgery"),
                    names(patient.post("/api/patient/consent", "{\"answers\":{}}").body().path("fields")));
            assertTrue(f.station.store().visits(null).isEmpty(), "nothing recorded while a question is open");

            Answer done = patient.post("/api/patient/consent",
                    "{\"answers\":{\"diagnosis\":true,\"drug\":\"no\",\"checkup\":\"yes\",\"surgery\":false}}");
            assertEquals("done", done.body().path("desk").path("phase").asText());
            Visit v = f.station.store().visits(null).get(0);
            assertEquals(Map.of(SharingCategory.DIAGNOSIS, true, SharingCategory.DRUG, false, SharingCategory.CHECKUP, true,
                    SharingCategory.SURGERY, false), v.consent().categories());
            JsonNode shown = staff.get("/api/staff/state").body().path("desk").path("consent");
            assertTrue(shown.path("answered").asBoolean());
            assertEquals("同意しない", shown.path("items").get(1).path("text").asText());
            assertEquals(409, patient.post("/api/patient/consent", ALL_NO).status(), "asked once");
        }
    }

    @Test
    void cancellingAtTheConsentQuestionsKeepsTheConfirmation() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            patient.post("/api/patient/pin", "{\"pin\":\"1234\"}");
            JsonNode done = staff.post("/api/staff/cancel", "{}").body().path("desk");
            assertEquals("done", done.path("phase").asText());
            assertEquals("confirmed", done.path("outcome").asText());
            assertEquals("資格を確認しました", done.path("outcomeText").asText());
            assertFalse(done.path("consent").path("answered").asBoolean(true));
            Visit v = f.station.store().visits(null).get(0);
            assertEquals("confirmed", v.outcome().code());
            assertNull(v.reason());
            assertNull(v.consent(), "no answers given, none recorded");
        }
    }

    @Test
    void fullWidthPinDigitsAreTheDigitsTheyAre() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            assertEquals("consent", patient.post("/api/patient/pin", "{\"pin\":\"１２３４\"}").body().path("desk").path("phase").asText());
        }
    }

    @Test
    void aKakuninshoWithItsDatesLeftBlankIsAskedForThemAndNeverRecordedAsARefusal() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            f.outage();
            // the card proves itself without the service (PIN, the desk's own challenge), then the documents decide
            assertEquals("pin", staff.post("/api/staff/start", "{\"mode\":\"pin\"}").body().path("desk").path("phase").asText());
            assertEquals("staff", patient.post("/api/patient/pin", "{\"pin\":\"1234\"}").body().path("desk").path("phase").asText());
            assertInstanceOf(Prompt.AwaitingDocuments.class, f.web.prompt());

            Answer slip = staff.post("/api/staff/documents", kakuninsho("", ""));
            assertEquals(400, slip.status());
            assertEquals("bad-field", slip.body().path("code").asText());
            assertEquals(List.of("issuedOn", "validUntil"), fields(slip.body()));
            for (JsonNode p : slip.body().path("problems")) {
                assertTrue(p.path("message").asText().contains("必要な日付"), p.toString());
            }
            assertInstanceOf(Prompt.AwaitingDocuments.class, f.web.prompt(), "the check waits for the form");
            assertTrue(f.station.store().visits(null).isEmpty(), "no refusal recorded for a missing field");

            Answer several = staff.post("/api/staff/documents", kakuninsho("令和6年12月2日", "2029-11-31")
                    .replace("01130012", "01130013").replace("\"1\",", "\"1a\","));
            assertEquals(List.of("insurerNumber", "number", "validUntil"), fields(several.body()), "every field at once");

            JsonNode done = staff.post("/api/staff/documents", kakuninsho("令和6年12月2日", "2029-11-30")).body().path("desk");
            assertEquals("provisional", done.path("outcome").asText());
            assertEquals("書類（オンライン資格確認の障害中）", done.path("routeText").asText());
            assertTrue(done.path("decisionText").asText().contains("資格確認書"), done.toString());
            Visit v = f.station.store().visits(null).get(0);
            assertEquals("provisional", v.outcome().code());
            assertEquals("document-offline", v.route().code());
            assertEquals("協会 さくら", v.patient().name());
            assertEquals("female", v.patient().sex(), "the record keeps the code; screens say 女");
        }
    }

    @Test
    void documentsRefusedBeforeAnyQueryAreNotLabelledAsAnOnlineQuery() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            // an expired 資格確認書 while the service is up: the rules refuse it, nothing is queried
            JsonNode done = staff.post("/api/staff/documents", kakuninsho("2023-12-02", "2025-11-30")).body().path("desk");
            assertEquals("rejected", done.path("outcome").asText());
            assertFalse(done.path("routeText").asText().contains("でオンライン照会"), done.path("routeText").asText());
            assertTrue(done.path("routeText").asText().contains("照会はしていません"), done.path("routeText").asText());
            assertEquals("協会 さくら", done.path("patientName").asText(), "a refused visit names the patient");
            assertEquals("協会 さくら", staff.get("/api/staff/visits").body().path("today").get(0).path("name").asText());
            Visit v = f.station.store().visits(null).get(0);
            assertEquals("rejected", v.outcome().code());
            assertFalse(v.decision().path("onlineQuery").asBoolean(true));
        }
    }

    @Test
    void aDeclarationWithoutNameAddressOrContactIsAskedForThemAsTheTerminalDoes() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            Answer slip = staff.post("/api/staff/declaration", "{\"birthDate\":\"1989-05-10\",\"sex\":\"男\"}");
            assertEquals(400, slip.status());
            assertEquals(List.of("name", "address", "contact"), fields(slip.body()));
            assertTrue(f.station.store().visits(null).isEmpty());
            assertInstanceOf(Prompt.AwaitingStart.class, f.web.prompt());

            Answer numbersWithoutInsurer = staff.post("/api/staff/declaration", "{\"name\":\"協会 太郎\",\"birthDate\":\"1989-05-10\","
                    + "\"address\":\"東京都千代田区霞が関1-2-3\",\"contact\":\"03-0000-0000\",\"number\":\"1\"}");
            assertEquals(List.of("insurerNumber"), fields(numbersWithoutInsurer.body()));

            JsonNode done = staff.post("/api/staff/declaration", "{\"name\":\"協会 太郎\",\"birthDate\":\"平成元年5月10日\",\"sex\":\"男\","
                    + "\"address\":\"東京都千代田区霞が関1-2-3\",\"contact\":\"03-0000-0000\",\"statedInsurance\":\"協会けんぽ\"}")
                    .body().path("desk");
            assertEquals("declared", done.path("outcome").asText());
            assertFalse(done.path("decisionText").asText().contains("10割"), done.path("decisionText").asText());
            Visit v = f.station.store().visits(null).get(0);
            assertEquals("declared", v.outcome().code());
            assertEquals("accept-with-declaration", v.decision().path("decision").asText(), "the record agrees with itself");
            assertEquals("03-0000-0000", v.patient().contact());
            assertEquals("male", v.patient().sex());
        }
    }

    @Test
    void aQrCodeTypedByAKeyboardWedgeReaderIsShownInJapaneseBeforeItIsUsed() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            PresentedDocument doc = PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO).insurerNumber("06139992")
                    .insurerName("テスト健保").symbol("802").number("7777").branch("00").name("転職 結衣").birthDate("1998-02-28")
                    .sex(Sex.FEMALE).issuedOn("2024-12-02").validUntil("2029-11-30").build();
            String payload = QrPayload.encode(doc);
            JsonNode read = staff.post("/api/staff/scan-text", "{\"payload\":" + json(payload + "\r\n") + "}").body();
            assertEquals("typed", read.path("source").asText());
            assertEquals("女", read.path("document").path("sex").asText(), "never the code female");
            assertEquals("06139992", read.path("document").path("insurerNumber").asText());
            assertEquals(0, read.path("problems").size());
            List<String> lines = new ArrayList<>();
            read.path("read").forEach(r -> lines.add(r.path("label").asText() + " " + r.path("value").asText()));
            assertTrue(lines.contains("書類 資格確認書") && lines.contains("性別 女") && lines.contains("有効期限 令和11年11月30日（2029-11-30）"),
                    lines.toString());
            assertTrue(f.station.store().visits(null).isEmpty() && f.web.prompt() instanceof Prompt.AwaitingStart,
                    "reading decides nothing");

            // typed with the IME on: full-width letters and bars are read as what they stand for
            String wide = payload.replace("MDQ1", "ＭＤＱ１").replace('|', '｜');
            assertEquals("転職 結衣", staff.post("/api/staff/scan-text", "{\"payload\":" + json(wide) + "}").body()
                    .path("document").path("name").asText());

            // a damaged or foreign code names the field and says what to do
            Answer foreign = staff.post("/api/staff/scan-text", "{\"payload\":\"https://example.jp/\"}");
            assertEquals(400, foreign.status());
            assertEquals("payload", foreign.body().path("field").asText());
            assertTrue(foreign.body().path("message").asText().contains("QR"), foreign.body().toString());
            assertEquals("payload", staff.post("/api/staff/scan-text", "{\"payload\":\"  \"}").body().path("field").asText());

            // a code without the 資格確認書's dates: read, and the missing fields said before use
            PresentedDocument undated = doc.toBuilder().issuedOn(jp.mynadesk.format.EnteredDate.ABSENT).validUntil(jp.mynadesk.format.EnteredDate.ABSENT).build();
            JsonNode partial = staff.post("/api/staff/scan-text", "{\"payload\":" + json(QrPayload.encode(undated)) + "}").body();
            assertEquals(List.of("issuedOn", "validUntil"), fields(partial));
        }
    }

    @Test
    void theLastOpenedPatientPageHoldsTheDeskAndTheOneBeforeIsToldSo() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            BlockingQueue<Event> first = patient.listen("/api/patient/events?screen=aaaa");
            assertNotNull(WebDeskClient.await(first, "desk", d -> true, WAIT));
            BlockingQueue<Event> second = patient.listen("/api/patient/events?screen=bbbb");
            assertNotNull(WebDeskClient.await(second, "desk", d -> true, WAIT));
            Event told = WebDeskClient.await(first, "replaced", d -> true, WAIT);
            assertNotNull(told, "the first page hears it was replaced");
            assertTrue(told.data().path("text").asText().contains("使われていません"));

            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            Answer fromFirst = pin(patient, "aaaa");
            assertEquals(409, fromFirst.status());
            assertEquals("screen-replaced", fromFirst.body().path("code").asText());
            assertEquals(409, patient.post("/api/patient/pin", "{\"pin\":\"1234\"}").status(), "a caller without a page id neither");
            assertEquals(3, ((Prompt.AwaitingPin) f.web.prompt()).triesLeft(), "no PIN reached the card");
            assertEquals("consent", pin(patient, "bbbb").body().path("desk").path("phase").asText());
        }
    }

    @Test
    void thePatientPageLeavesTheEndingAfterAWhileOnTheDesksClockOrWhenTheCardIsTaken() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            BlockingQueue<Event> events = patient.listen("/api/patient/events");
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            patient.post("/api/patient/pin", "{\"pin\":\"1234\"}");
            patient.post("/api/patient/consent", ALL_NO);
            Event done = WebDeskClient.await(events, "desk", d -> d.path("phase").asText().equals("done"), WAIT);
            assertTrue(done.data().path("takeCard").asBoolean(), "the card is still on the reader");

            f.clock.advance(PatientScreen.DONE_SHOWN.minusSeconds(1));
            f.clock.advance(Duration.ofSeconds(1));
            Event idle = WebDeskClient.await(events, "desk", d -> d.path("phase").asText().equals("idle"), WAIT);
            assertNotNull(idle, "back to idle once the ending has been shown");
            assertEquals("カードをお取りください", idle.data().path("text").asText());
            assertEquals("done", staff.get("/api/staff/state").body().path("desk").path("phase").asText(),
                    "the staff page keeps the result until staff go on");

            f.station.virtualReader().remove();
            Event noCard = WebDeskClient.await(events, "desk", d -> !d.path("card").asBoolean(true), WAIT);
            assertEquals("カードをカードリーダーに置いてください", noCard.data().path("text").asText());
            f.swapCard("default");
            Event waiting = WebDeskClient.await(events, "desk", d -> d.path("card").asBoolean(), WAIT);
            assertTrue(waiting.data().path("text").asText().contains("お待ちください"), waiting.data().toString());
        }
    }

    @Test
    void theServiceBadgeFollowsTheLastAnswerAndTheMockIsLabelledSimulated() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            BlockingQueue<Event> events = staff.listen("/api/staff/events");
            JsonNode first = WebDeskClient.await(events, "status", s -> true, WAIT).data();
            assertTrue(first.path("simulated").asBoolean(), "the in-process mock is 模擬");
            f.outage();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            assertEquals(jp.mynadesk.oqs.CircuitBreaker.State.CLOSED, f.station.client().state(),
                    "one 503 does not open the breaker");
            Event down = WebDeskClient.await(events, "status", s -> s.path("service").asText().equals("offline"), WAIT);
            assertNotNull(down, "the badge follows the 503 at once, not only the breaker");
            assertTrue(down.data().path("serviceText").asText().startsWith("オンライン資格確認（模擬）: "), down.data().toString());
            assertTrue(down.data().path("serviceText").asText().contains(f.station.client().base().toString()),
                    "the address tried is named: " + down.data());
            staff.post("/api/staff/cancel", "{}");
            staff.post("/api/staff/clear", "{}");

            f.recover();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            assertNotNull(WebDeskClient.await(events, "status", s -> s.path("service").asText().equals("online"), WAIT),
                    "back to 接続 once the service answers");
        }
    }

    @Test
    void staffReadTheLimitClassAndTheCeilingInWordsNeverTheServiceCode() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            patient.post("/api/patient/pin", "{\"pin\":\"1234\"}");
            JsonNode q = staff.get("/api/staff/state").body().path("desk").path("qualification");
            assertEquals("A03", q.path("limitClass").asText(), "the record keeps the code");
            assertEquals("区分ウ", q.path("limitClassLabel").asText());
            String ceiling = staff.get("/api/staff/ceiling?total=1000000").body().path("text").asText();
            assertTrue(ceiling.contains("区分ウ") && !ceiling.contains("A03"), ceiling);
        }
    }

    @Test
    void theConsentQuestionsNameTheInstitutionByItsKind() {
        Prompt asking = new Prompt.AwaitingConsent(null, List.of());
        String clinic = DeskView.patient(asking, false, "1311111111").path("questions").get(0).path("question").asText();
        String pharmacy = DeskView.patient(asking, false, "1341111111").path("questions").get(0).path("question").asText();
        assertTrue(clinic.contains("当院に") && !clinic.contains("当薬局"), clinic);
        assertTrue(pharmacy.contains("当薬局に") && !pharmacy.contains("当院"), pharmacy);
    }

    @Test
    void aDocumentVisitWithoutARatioShowsTheRuleBasedGuidance() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            f.outage();
            JsonNode done = staff.post("/api/staff/documents", kakuninsho("令和6年12月2日", "2029-11-30")).body().path("desk");
            assertEquals("provisional", done.path("outcome").asText());
            JsonNode q = done.path("qualification");
            assertEquals("不明", q.path("ratioText").asText());
            assertTrue(q.path("ratioGuide").asText().contains("3割") && q.path("ratioGuide").asText().contains("10歳"),
                    q.toString());
        }
    }

    @Test
    void aBusyPortIsAnIoExceptionTheCommandSaysInJapanese() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> WebDesk.start(f.station, new WebDesk.Options("127.0.0.1", f.web.port())));
            assertNotNull(e.getMessage());
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Answer pin(WebDeskClient c, String page) throws Exception {
        return c.send(HttpRequest.newBuilder(c.base().resolve("/api/patient/pin")).header("Content-Type", "application/json")
                .header("X-CSRF-Token", c.csrf()).header(PatientScreen.HEADER, page)
                .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"1234\"}")));
    }

    private static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.path("problems").forEach(p -> out.add(p.path("field").asText()));
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String json(String s) {
        return jp.mynadesk.format.JsonText.compact(com.fasterxml.jackson.databind.node.TextNode.valueOf(s));
    }
}
