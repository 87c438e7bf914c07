package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import jp.mynadesk.station.Station;
import jp.mynadesk.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff page and (small) the patient page say 「練習モード（模擬サービス）」 in simulation, and only then. */
class WebModeLabelTest {
    private static final String LABEL = "練習モード（模擬サービス）";

    private static String page(URI base, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    @Test
    void aSimulationIsLabelledOnBothPages() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            String staff = page(f.base(), "/");
            assertTrue(staff.contains("<p class=\"mode\" role=\"note\">" + LABEL + "</p>"), staff);
            String patient = page(f.base(), "/patient");
            assertTrue(patient.contains("<p class=\"mode small\" role=\"note\">" + LABEL + "</p>"), patient);
            assertTrue(f.client().get("/api/staff/state").body().at("/status/simulated").asBoolean());
        }
    }

    @Test
    void aClinicDeskWithoutAServiceIsNotLabelledAndSaysNoService(@TempDir Path data) throws Exception {
        Station.Setup setup = new Station.Setup(null, null, false, null, null, new DataDirectory(data, true), null,
                Clock.systemUTC(), null, null, null, null, null, null, true, null, null);
        try (Station station = Station.open(setup); WebDesk web = WebDesk.start(station, new WebDesk.Options("127.0.0.1", 0))) {
            assertFalse(station.simulated());
            URI base = URI.create("http://127.0.0.1:" + web.port() + "/");
            assertFalse(page(base, "/").contains(LABEL));
            assertFalse(page(base, "/patient").contains(LABEL));
            assertFalse(page(base, "/").contains("<!--mode-->"), "the placeholder is never sent");
            var client = new jp.mynadesk.bench.WebDeskClient(base);
            client.session();
            var status = client.get("/api/staff/state").body().path("status");
            assertEquals("none", status.path("service").asText());
            assertFalse(status.path("simulated").asBoolean());
        }
    }
}
