package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.bench.WebDeskClient;
import jp.mynadesk.bench.WebDeskClient.Answer;
import org.junit.jupiter.api.Test;

/**
 * 「医療費助成の受給者証を利用しますか」 on the patient page (PMH): asked with its own choices, an answer left out is
 * asked again (never taken as 利用しない), the numbers reach staff, never the patient page.
 */
class WebSubsidyHttpTest {
    private static final String CONSENT = "\"diagnosis\":false,\"drug\":true,\"checkup\":false,\"surgery\":false";

    @Test
    void thePatientIsAskedAndAMissingAnswerIsAskedAgain() throws Exception {
        try (WebFixture f = new WebFixture("subsidy")) {
            WebDeskClient staff = f.client();
            WebDeskClient patient = f.client();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            Answer right = patient.post("/api/patient/pin", "{\"pin\":\"1234\"}");
            JsonNode desk = right.body().path("desk");
            assertEquals("consent", desk.path("phase").asText(), desk.toString());
            assertEquals(5, desk.path("questions").size());
            JsonNode q = desk.path("questions").get(4);
            assertEquals("subsidy", q.path("category").asText());
            assertTrue(q.path("question").asText().startsWith("医療費助成の受給者証を利用しますか"), q.toString());
            assertEquals("利用する", q.path("choices").get(0).get(1).asText());
            assertFalse(desk.toString().contains("81136012"), "the patient page gets no numbers");

            Answer missing = patient.post("/api/patient/consent", "{\"answers\":{" + CONSENT + "}}");
            assertEquals(400, missing.status());
            List<String> fields = new ArrayList<>();
            missing.body().path("fields").forEach(x -> fields.add(x.asText()));
            assertEquals(List.of("subsidy"), fields);
            assertTrue(f.station.store().visits(null).isEmpty(), "nothing recorded on a guess");

            Answer done = patient.post("/api/patient/consent", "{\"answers\":{" + CONSENT + ",\"subsidy\":true}}");
            assertEquals("done", done.body().path("desk").path("phase").asText());
            JsonNode staffView = staff.get("/api/staff/state").body();
            String lines = staffView.toString();
            assertTrue(lines.contains("公費負担者番号 81136012") && lines.contains("受給者番号 1234566"), lines);
            assertTrue(f.station.store().visits(null).get(0).subsidy().used());
        }
    }
}
