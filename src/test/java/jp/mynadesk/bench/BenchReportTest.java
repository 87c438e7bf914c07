package jp.mynadesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import jp.mynadesk.bench.BenchReport.Target;
import org.junit.jupiter.api.Test;

/** The benchmark's logic only: medians, verdicts, text and JSON. No timing. */
class BenchReportTest {
    @Test
    void theVerdictIsOnTheMedianOfTheRounds() {
        BenchReport r = new BenchReport("t");
        var capacity = r.add("capacity", "/s", new double[] {2000, 9000, 3100, 2900, 3500}, Target.atLeast(3000));
        assertEquals(3100, capacity.median());
        assertEquals(2000, capacity.min());
        assertEquals(9000, capacity.max());
        assertEquals("PASS", capacity.verdict());
        assertEquals("FAIL", r.add("capacity", "/s", new double[] {2999}, Target.atLeast(3000)).verdict());
        assertEquals("PASS", r.add("p99", "ms", new double[] {20}, Target.atMost(20)).verdict());
        assertEquals("FAIL", r.add("p99", "ms", new double[] {19, 25, 30}, Target.atMost(20)).verdict());
        assertEquals("", r.add("info", "ms", new double[] {1}, null).verdict());
    }

    @Test
    void theTextNamesEachTargetAndItsVerdict() {
        BenchReport r = new BenchReport("title");
        r.add("ratio", "x", new double[] {4, 5, 6}, Target.atMost(3));
        StringWriter text = new StringWriter();
        r.print(new PrintWriter(text));
        assertTrue(text.toString().contains("target <= 3.00: FAIL"), text.toString());
    }

    @Test
    void jsonCarriesEveryFigureWithItsTargetAndVerdict() throws Exception {
        BenchReport r = new BenchReport("a \"quoted\" title");
        r.note("line\none");
        r.add("capacity", "/s", new double[] {1, 2, 3}, Target.atLeast(2));
        r.add("info", "ms", new double[] {7}, null);
        JsonNode json = new ObjectMapper().readTree(r.json());
        assertEquals("a \"quoted\" title", json.get("title").asText());
        assertEquals("line\none", json.get("notes").get(0).asText());
        JsonNode first = json.get("figures").get(0);
        assertEquals(2.0, first.get("median").asDouble());
        assertEquals(3, first.get("rounds").asInt());
        assertEquals(">=", first.get("target").get("op").asText());
        assertEquals("PASS", first.get("verdict").asText());
        assertTrue(json.get("figures").get(1).get("target").isNull());
        assertTrue(json.get("figures").get(1).get("verdict").isNull());
    }
}
