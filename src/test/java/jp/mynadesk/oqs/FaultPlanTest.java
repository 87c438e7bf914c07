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
                .getMessage().contains("rules[0].endpoints[0]: エンドポイント nowhere はありません"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(
                "{\"rules\":[{\"kind\":\"reset\",\"rate\":2}]}".getBytes(StandardCharsets.UTF_8))).getMessage()
                .startsWith("rules[0].rate: 2 は範囲外です。0 以上 1 以下"));
        String from = assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(
                "{\"rules\":[{\"kind\":\"outage\",\"from\":\"tomorrow\"}]}".getBytes(StandardCharsets.UTF_8))).getMessage();
        assertTrue(from.startsWith("rules[0].from: 日時として読めません") && !from.contains("tomorrow"), from);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("[".getBytes(StandardCharsets.UTF_8)))
                .getMessage().startsWith("JSON の形が違います。{\"rules\": [...]} の形の JSON オブジェクトにしてください。"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("{\"rules\": [".getBytes(StandardCharsets.UTF_8)))
                .getMessage().startsWith("1 行 12 列: JSON が途中で終わっています"));
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
