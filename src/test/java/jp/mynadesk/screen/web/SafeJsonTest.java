package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.BlockingQueue;
import jp.mynadesk.bench.WebDeskClient;
import jp.mynadesk.bench.WebDeskClient.Event;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.text.SafeText;
import org.junit.jupiter.api.Test;

/**
 * A name with a right-to-left override (U+202E) or an escape sequence, typed from a document or read from a QR code,
 * reaches the staff page as its code ({@code \u202E}), not as a character that turns the name around (issue 22 §11).
 */
class SafeJsonTest {
    private static final String HOSTILE = "協会\u202eらくさ\u2066\u001b[2J";
    private static final String DOCUMENT = "{\"document\":{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"01130012\","
            + "\"symbol\":\"12345678\",\"number\":\"1\",\"branch\":\"01\",\"name\":\"" + HOSTILE.replace("\u001b", "\\u001b")
            + "\",\"birthDate\":\"2016-04-02\",\"sex\":\"女\",\"issuedOn\":\"2024-12-02\",\"validUntil\":\"2029-11-30\"},"
            + "\"address\":\"東京都千代田区\u202e霞が関\"}";

    @Test
    void aHostileNameReachesTheStaffPageAsCodes() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            WebDeskClient staff = f.client();
            BlockingQueue<Event> events = staff.listen("/api/staff/events");
            f.outage();
            staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
            JsonNode done = staff.post("/api/staff/documents", DOCUMENT).body().path("desk");
            assertEquals("done", done.path("phase").asText());
            assertEquals("協会\\u202Eらくさ\\u2066\\u001B[2J", done.path("visit").path("qualification").path("name").asText(),
                    done.toString());
            assertClean(done);
            JsonNode visits = staff.get("/api/staff/visits").body();
            assertEquals(1, visits.path("pending").size());
            assertClean(visits);
            Event shown = WebDeskClient.await(events, "desk", d -> d.path("phase").asText().equals("done"),
                    java.time.Duration.ofSeconds(30));
            assertClean(shown.data());
        }
    }

    @Test
    void aCleanTreeIsSentAsItIsAndAHostileOneOnlyWhereNeeded() {
        JsonNode clean = JsonText.object().put("name", "協会 さくら").set("list", JsonText.array().add("a").add(1));
        assertSame(clean, SafeJson.tree(clean), "nothing copied in the usual case");
        JsonNode hostile = JsonText.object().put("a", "x").put("name\u202e", "\u0000").set("list", JsonText.array().add("ok").add("\u009b"));
        assertEquals("{\"a\":\"x\",\"name\\\\u202E\":\"\\\\u0000\",\"list\":[\"ok\",\"\\\\u009B\"]}", SafeJson.text(hostile));
    }

    /** No string, key or value, holds a control or bidi character (a line break would be kept, none is sent here). */
    static void assertClean(JsonNode node) {
        if (node.isTextual()) {
            node.textValue().chars().filter(c -> SafeText.unsafe(c) && c != '\n' && c != '\t').findFirst()
                    .ifPresent(c -> { throw new AssertionError(String.format("U+%04X sent raw: %s", c, node)); });
        }
        node.properties().forEach(e -> {
            assertClean(JsonText.object().textNode(e.getKey()));
            assertClean(e.getValue());
        });
        node.forEach(SafeJsonTest::assertClean);
    }
}
