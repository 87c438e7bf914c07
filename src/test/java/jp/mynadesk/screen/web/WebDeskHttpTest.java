package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import jp.mynadesk.bench.WebDeskClient;
import jp.mynadesk.bench.WebDeskClient.Answer;
import jp.mynadesk.bench.WebDeskClient.Event;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.testsupport.RecordHold;
import org.junit.jupiter.api.Test;

/** The web API over real HTTP on loopback, with the virtual card, the in-process service and a real record. */
class WebDeskHttpTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DOCUMENT = "{\"document\":{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"01130012\","
            + "\"symbol\":\"12345678\",\"number\":\"1\",\"branch\":\"01\",\"name\":\"協会 さくら\",\"birthDate\":\"2016-04-02\","
            + "\"sex\":\"女\",\"issuedOn\":\"2024-12-02\",\"validUntil\":\"2029-11-30\"},\"address\":\"東京都千代田区霞が関1-2-3\"}";

    @Test
    void pinFromThePatientPageConsentAndTheStaffPageSeesTheOutcomeButNeverThePin() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            BlockingQueue<Event> staffEvents = staff.listen("/api/staff/events");
            BlockingQueue<Event> patientEvents = patient.listen("/api/patient/events");

            assertEquals("pin", staff.post("/api/staff/start", "{\"mode\":\"pin\"}").body().path("desk").path("phase").asText());
            Event askPin = WebDeskClient.await(patientEvents, "desk", d -> d.path("phase").asText().equals("pin"), WAIT);
            assertEquals(3, askPin.data().path("triesLeft").asInt());

            Answer wrong = patient.post("/api/patient/pin", "{\"pin\":\"9876\"}");
            assertEquals(200, wrong.status());
            assertEquals(2, wrong.body().path("desk").path("triesLeft").asInt());
            assertEquals(1, wrong.body().path("desk").path("notices").size());
            Event staffWrong = WebDeskClient.await(staffEvents, "desk",
                    d -> d.path("reason").path("code").asText().equals("wrong-pin"), WAIT);
            assertEquals(2, staffWrong.data().path("reason").path("triesLeft").asInt());
            assertFalse(staffWrong.data().path("reason").path("next").asText().isBlank());

            Answer right = patient.post("/api/patient/pin", "{\"pin\":\"1234\"}");
            assertEquals("consent", right.body().path("desk").path("phase").asText());
            assertEquals(4, right.body().path("desk").path("questions").size());
            assertTrue(right.body().path("desk").path("qualification").isMissingNode(), "the patient page gets no insurance data");
            Event confirmed = WebDeskClient.await(staffEvents, "desk", d -> d.path("phase").asText().equals("consent"), WAIT);
            assertEquals(30, confirmed.data().path("qualification").path("ratio").asInt());

            Answer ceiling = staff.get("/api/staff/ceiling?total=1000000");
            assertEquals(200, ceiling.status());
            assertTrue(ceiling.body().path("monthlyLimit").asLong() > 0);

            Answer done = patient.post("/api/patient/consent", "{\"answers\":{\"diagnosis\":true,\"drug\":true,\"checkup\":false,\"surgery\":false}}");
            assertEquals("done", done.body().path("desk").path("phase").asText());
            assertTrue(done.body().path("desk").path("accepted").asBoolean());
            Event outcome = WebDeskClient.await(staffEvents, "desk", d -> d.path("phase").asText().equals("done"), WAIT);
            JsonNode visit = outcome.data().path("visit");
            assertEquals("confirmed", visit.path("outcome").asText());
            assertEquals("card-pin", visit.path("route").asText());
            assertTrue(visit.path("consent").path("categories").path("diagnosis").asBoolean());
            assertFalse(visit.path("consent").path("categories").path("checkup").asBoolean());

            Prompt.Done recorded = assertInstanceOf(Prompt.Done.class, f.web.prompt());
            assertEquals(recorded.visit().visitId(), f.station.store().visits(null).get(0).visitId());

            List<String> seen = new ArrayList<>();
            staffEvents.forEach(e -> seen.add(e.data().toString()));
            seen.add(staffWrong.data().toString());
            seen.add(confirmed.data().toString());
            seen.add(outcome.data().toString());
            seen.add(staff.get("/api/staff/visits").body().toString());
            seen.add(wrong.body().toString());
            for (String s : seen) {
                assertFalse(s.contains("9876"), "the wrong PIN went out in " + s);
                assertFalse(s.contains("\"pin\":"), "a PIN field went out in " + s);
            }
        }
    }

    @Test
    void aVisitTheRecordDidNotTakeWaitsOnTheStaffPageUntilRecordedAgain() throws Exception {
        try (WebFixture f = new WebFixture("default", "127.0.0.1", Duration.ofMillis(200));
             RecordHold other = new RecordHold(f.data)) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            assertEquals("consent", patient.post("/api/patient/pin", "{\"pin\":\"1234\"}").body().path("desk").path("phase").asText());
            other.take();

            Answer consent = patient.post("/api/patient/consent",
                    "{\"answers\":{\"diagnosis\":false,\"drug\":true,\"checkup\":false,\"surgery\":false}}");
            assertEquals(200, consent.status());
            assertEquals("staff", consent.body().path("desk").path("phase").asText(), "the patient is told staff take over");
            JsonNode waiting = staff.get("/api/staff/state").body().path("desk");
            assertEquals("record", waiting.path("phase").asText());
            assertEquals("record-unavailable", waiting.path("reason").path("code").asText());
            assertFalse(waiting.path("problem").asText().isBlank());
            assertEquals("confirmed", waiting.path("outcome").asText(), "the decision is on screen while it waits");
            assertEquals(30, waiting.path("qualification").path("ratio").asInt());
            assertEquals(200, staff.get("/api/staff/ceiling?total=1000000").status(), "and its 限度額 can be looked up");
            assertEquals("record", staff.post("/api/staff/cancel", "{}").body().path("desk").path("phase").asText(),
                    "cancel does not throw the decided visit away");
            assertEquals(409, staff.post("/api/staff/clear", "{}").status());
            assertEquals(409, patient.post("/api/patient/consent", "{\"answers\":{}}").status(), "the patient is not asked again");

            other.release();
            JsonNode done = staff.post("/api/staff/record-again", "{}").body().path("desk");
            assertEquals("done", done.path("phase").asText());
            assertEquals("confirmed", done.path("visit").path("outcome").asText());
            assertTrue(done.path("visit").path("consent").path("categories").path("drug").asBoolean());
            assertEquals(1, f.station.store().visits(null).size());
            assertEquals(409, staff.post("/api/staff/record-again", "{}").status(), "nothing left to record");
        }
    }

    @Test
    void everyStateChangingCallNeedsTheSessionsCsrfToken() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient c = f.client();
            Answer none = c.post("/api/staff/start", "{\"mode\":\"pin\"}", null);
            assertEquals(403, none.status());
            assertEquals("csrf", none.body().path("code").asText());
            Answer forged = c.post("/api/staff/start", "{\"mode\":\"pin\"}", "0".repeat(48));
            assertEquals(403, forged.status());
            WebDeskClient other = f.client();
            assertEquals(403, c.post("/api/staff/start", "{\"mode\":\"pin\"}", other.csrf()).status(),
                    "another session's token is not this one's");
            HttpRequest.Builder crossSite = HttpRequest.newBuilder(f.base().resolve("/api/staff/start"))
                    .header("Content-Type", "application/json").header("X-CSRF-Token", c.csrf())
                    .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"pin\"}"));
            assertEquals(403, c.send(crossSite).status());
            assertInstanceOf(Prompt.AwaitingStart.class, f.web.prompt(), "nothing refused moved the desk");
            assertEquals(200, c.post("/api/staff/start", "{\"mode\":\"pin\"}").status());
        }
    }

    @Test
    void securityHeadersOnPagesAssetsAndApi() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            for (String path : List.of("/", "/patient", "/api/session", "/assets/staff.js", "/assets/desk.css")) {
                var r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(f.base().resolve(path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path);
                String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), path + ": " + csp);
                assertFalse(csp.contains("unsafe-inline"), path);
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
                assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), path);
                if (!path.startsWith("/assets/")) {
                    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), path);
                }
                if (path.endsWith(".html") || path.equals("/") || path.equals("/patient")) {
                    assertFalse(r.body().contains("<script>") || r.body().contains(" style="), path + " has inline script or style");
                }
            }
        }
    }

    @Test
    void aNameThatIsNotThisMachineIsRefused() throws Exception {
        try (WebFixture f = new WebFixture("default"); Socket s = new Socket("127.0.0.1", f.web.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/session HTTP/1.1\r\nHost: rebound.example:" + f.web.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.contains(" 421 "), status);
        }
    }

    @Test
    void beyondLoopbackThePatientPageNeedsThePairingCode() throws Exception {
        try (WebFixture f = new WebFixture("default", "0.0.0.0")) {
            String code = f.web.pairingCode();
            assertNotNull(code);
            WebDeskClient staff = f.client();
            assertEquals(code, staff.get("/api/staff/state").body().path("pairing").path("code").asText());
            WebDeskClient patient = f.client();
            assertFalse(patient.session().path("paired").asBoolean());
            assertEquals(403, patient.get("/api/patient/events").status());
            assertEquals("not-paired", patient.post("/api/patient/pin", "{\"pin\":\"1234\"}").body().path("code").asText());
            String wrong = code.equals("000000") ? "111111" : "000000";
            assertEquals("wrong-code", patient.post("/api/patient/pair", "{\"code\":\"" + wrong + "\"}").body().path("code").asText());
            assertEquals(429, patient.post("/api/patient/pair", "{\"code\":\"" + code + "\"}").status(), "a wrong code makes it wait");
            f.webClock.advance(WebLimits.PAIRING_BACKOFF_FIRST);
            // the same 10 s pass the header time-out of both clients' idle keep-alive connections: the guard closes
            // them at its next sweep (every 250 ms), which on a loaded machine raced the next POST sent on them
            // ("header parser received no bytes"); a browser would retry it, the JDK client does not, so new ones
            patient = patient.reconnected();
            staff = staff.reconnected();
            assertEquals(code, f.web.pairingCode(), "a wrong code does not draw a new one");
            assertEquals(200, patient.post("/api/patient/pair", "{\"code\":\"" + code + "\"}").status());
            assertTrue(patient.session().path("paired").asBoolean());
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            assertEquals("consent", patient.post("/api/patient/pin", "{\"pin\":\"1234\"}").body().path("desk").path("phase").asText());
        }
    }

    @Test
    void outageTypedDocumentThenRecoveryAndRecheckFromTheStaffPage() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            f.outage();
            // the card still proves itself without the service: the PIN, then the documents decide
            assertEquals("pin", staff.post("/api/staff/start", "{\"mode\":\"pin\"}").body().path("desk").path("phase").asText());
            assertEquals(200, patient.post("/api/patient/pin", "{\"pin\":\"1234\"}").status());
            JsonNode atDocs = staff.get("/api/staff/state").body().path("desk");
            assertEquals("documents", atDocs.path("phase").asText());
            assertEquals("service-offline", atDocs.path("reason").path("code").asText());

            Answer bad = staff.post("/api/staff/documents", DOCUMENT.replace("01130012", "0113001"));
            assertEquals(400, bad.status());
            assertEquals("insurerNumber", bad.body().path("field").asText());

            JsonNode done = staff.post("/api/staff/documents", DOCUMENT).body().path("desk");
            assertEquals("done", done.path("phase").asText());
            assertEquals("provisional", done.path("visit").path("outcome").asText());
            assertEquals("pending", done.path("visit").path("recheckState").asText());
            assertEquals(1, staff.get("/api/staff/visits").body().path("pending").size());

            f.recover();
            JsonNode run = staff.post("/api/staff/recheck", "{}").body();
            assertEquals(1, run.path("checked").asInt());
            assertEquals(1, run.path("confirmed").asInt());
            assertEquals("confirmed", run.path("findings").get(0).path("kind").asText());
            assertEquals(0, staff.get("/api/staff/visits").body().path("pending").size());
            JsonNode verify = staff.get("/api/staff/verify").body();
            assertTrue(verify.path("ok").asBoolean());
            assertEquals(1, verify.path("visits").asInt());
        }
    }

    @Test
    void blockedCardGoesToVisualModeWithTheStaffId() throws Exception {
        try (WebFixture f = new WebFixture("blocked")) {
            WebDeskClient staff = f.client();
            JsonNode visual = staff.post("/api/staff/start", "{\"mode\":\"pin\"}").body().path("desk");
            assertEquals("visual", visual.path("phase").asText());
            assertEquals("pin-blocked", visual.path("reason").path("code").asText());
            Answer noId = staff.post("/api/staff/visual", "{}");
            assertEquals(400, noId.status());
            assertEquals("staff", noId.body().path("field").asText());
            JsonNode next = staff.post("/api/staff/visual", "{\"staff\":\"S001\"}").body().path("desk");
            assertEquals("consent", next.path("phase").asText());
        }
    }

    @Test
    void aSecondStartWhileACheckIsOpenIsRefusedAndTheCheckStays() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            Answer again = staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            assertEquals(409, again.status());
            assertEquals("check-in-progress", again.body().path("code").asText());
            assertInstanceOf(Prompt.AwaitingPin.class, f.web.prompt());
            Answer stale = staff.post("/api/patient/consent", "{\"answers\":{}}");
            assertEquals("not-now", stale.body().path("code").asText());
            assertEquals(409, staff.get("/api/staff/ceiling?total=1000").status(), "no insurance on screen yet");
            assertEquals("stopped", staff.post("/api/staff/cancel", "{}").body().path("desk").path("visit").path("outcome").asText());
            assertEquals("total", staff.get("/api/staff/ceiling?total=-5").body().path("field").asText());
            assertEquals("idle", staff.post("/api/staff/clear", "{}").body().path("desk").path("phase").asText());
        }
    }

    @Test
    void thePinIsReadFromTheBodyWithoutAStringAndOddBodiesGiveNoPin() throws Exception {
        assertEquals("1234", new String(PinBody.read(body("{\"pin\":\"1234\"}"))));
        assertEquals(0, PinBody.read(body("{\"other\":\"1234\"}")).length);
        assertEquals(0, PinBody.read(body("not json")).length);
        assertEquals(0, PinBody.read(body("{\"pin\":\"" + "1".repeat(100) + "\"}")).length);
    }

    @Test
    void hostNamesAllowed() {
        assertTrue(Guard.hostAllowed("127.0.0.1:8765"));
        assertTrue(Guard.hostAllowed("localhost:8765"));
        assertTrue(Guard.hostAllowed("[::1]:8765"));
        assertTrue(Guard.hostAllowed("192.168.1.20:8765"));
        assertFalse(Guard.hostAllowed("evil.example:8765"));
        assertFalse(Guard.hostAllowed("localhost.evil.example"));
        assertFalse(Guard.hostAllowed(null));
        assertTrue(Guard.fromThisMachine("127.0.0.1"));
        assertTrue(Guard.fromThisMachine("[::1]"));
        assertFalse(Guard.fromThisMachine("192.168.1.20"));
        assertNull(new Guard(new java.security.SecureRandom(), false).pairingCode());
    }

    private static java.io.InputStream body(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
