package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.mynadesk.oqs.server.FaultInjector;
import jp.mynadesk.oqs.server.FaultPlan;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void sampleFaultFilesParse() throws Exception {
        for (String name : List.of("slow-network", "flaky", "maintenance-window", "hang", "system-error")) {
            try (InputStream in = getClass().getResourceAsStream("/jp/mynadesk/oqs/faults/" + name + ".json")) {
                FaultPlan plan = FaultPlan.parse(in.readAllBytes());
                assertFalse(plan.rules().isEmpty(), name);
            }
        }
    }

    @Test
    void invalidPlansAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(
                "{\"rules\":[{\"kind\":\"latency\",\"endpoints\":[\"nowhere\"]}]}".getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("nowhere"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(
                "{\"rules\":[{\"kind\":\"reset\",\"rate\":2}]}".getBytes(StandardCharsets.UTF_8))).getMessage().contains("rate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(
                "{\"rules\":[{\"kind\":\"outage\",\"from\":\"tomorrow\"}]}".getBytes(StandardCharsets.UTF_8))).getMessage().contains("from"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("[".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void latencyAddsUpAndTimesRecover() {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-15T01:00:00Z"));
        FaultInjector injector = new FaultInjector(clock, FaultPlan.of(FaultPlan.Rule.latency(10, 0),
                FaultPlan.Rule.latency(5, 0).onlyFor("card"), FaultPlan.Rule.of("reset").times(1)));
        FaultInjector.Decision first = injector.decide("qualification");
        assertEquals(10, first.delayMs());
        assertEquals("reset", first.fault().kind());
        FaultInjector.Decision second = injector.decide("card");
        assertEquals(15, second.delayMs());
        assertNull(second.fault());
    }

    @Test
    void randomLatencyIsRepeatableWithTheSeed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-15T01:00:00Z"));
        FaultPlan plan = new FaultPlan(99L, List.of(FaultPlan.Rule.latency(0, 100)));
        FaultInjector a = new FaultInjector(clock, plan);
        FaultInjector b = new FaultInjector(clock, plan);
        for (int i = 0; i < 20; i++) {
            long d = a.decide("qualification").delayMs();
            assertEquals(d, b.decide("qualification").delayMs());
            assertTrue(d >= 0 && d <= 100);
        }
    }
}
