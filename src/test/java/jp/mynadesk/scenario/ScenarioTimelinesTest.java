package jp.mynadesk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Virtual time changes how long the suite takes, nothing else: every scenario under scenarios/ run in its own
 * virtual time and again waiting in real time gives the same result, records the same visits (every stored field,
 * the times included) and has the same conversation with the card. Trace lines are compared without their
 * elapsed-time stamps, which in real time are the JVM timer's.
 */
@Tag("slow") // runs the scenarios folder twice, in virtual and in real time
class ScenarioTimelinesTest {
    @Test
    @Tag("slow") // the whole scenarios/ folder twice, once waiting in real time
    void virtualTimeRecordsWhatRealTimeRecords() throws IOException {
        List<Path> files = ScenarioRunner.files(List.of(ScenarioSuiteTest.SCENARIOS));
        assertTrue(files.size() >= 40, "the whole suite, found " + files.size());
        LocalDate today = LocalDate.of(2026, 12, 1);
        ScenarioRunner virtual = new ScenarioRunner(false, today, true, false);
        ScenarioRunner real = new ScenarioRunner(false, today, true, true);
        List<String> differences = new ArrayList<>();
        for (Path f : files) {
            ScenarioRunner.Recorded[] seen = new ScenarioRunner.Recorded[2];
            ScenarioResult v = virtual.run(f, r -> seen[0] = r);
            ScenarioResult r = real.run(f, x -> seen[1] = x);
            assertTrue(v.passed(), v.message());
            if (!(v.passed() == r.passed() && v.steps() == r.steps() && String.valueOf(v.message()).equals(String.valueOf(r.message())))) {
                differences.add(f + ": result " + v.message() + " / " + r.message());
            }
            if (!seen[0].visits().equals(seen[1].visits())) {
                differences.add(f + ": visits\n  virtual " + seen[0].visits() + "\n  real    " + seen[1].visits());
            }
            if (!withoutStamps(seen[0].trace()).equals(withoutStamps(seen[1].trace()))) {
                differences.add(f + ": trace\n" + withoutStamps(seen[0].trace()) + "\n---\n" + withoutStamps(seen[1].trace()));
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theVirtualTraceStampsAreTheWaitsAndNothingElse() throws IOException {
        // The smartphone profile answers after 60 ms: each answer is stamped exactly 60 ms after its command,
        // whatever the machine's load, since only the emulated latency moves the scenario's time.
        Path smartphone = ScenarioSuiteTest.SCENARIOS.resolve("readers/smartphone.yaml");
        ScenarioRunner.Recorded[] seen = new ScenarioRunner.Recorded[1];
        ScenarioResult r = new ScenarioRunner(false, LocalDate.of(2026, 12, 1), true, false).run(smartphone, x -> seen[0] = x);
        assertTrue(r.passed(), r.message());
        List<String> body = seen[0].trace().lines().filter(l -> l.startsWith(">") || l.startsWith("<")).toList();
        assertTrue(body.size() > 10, "the check talked to the card");
        for (int i = 0; i + 1 < body.size(); i += 2) {
            assertEquals(stamp(body.get(i)) + 60.0, stamp(body.get(i + 1)), 0.0005, body.get(i) + " / " + body.get(i + 1));
        }
    }

    private static double stamp(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(" @") + 2));
    }

    /**
     * The trace without its stamps, and with the signature step's data left out: the card signs a challenge drawn at
     * random (by the service, or by the desk itself in an outage), so that exchange differs between any two runs.
     */
    private static String withoutStamps(String trace) {
        if (trace == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean signing = false;
        for (String line : trace.replaceAll(" @[0-9.]+(?=\\R|$)", "").lines().toList()) {
            if (line.startsWith("> 802A")) {
                line = "> 802A (a challenge's digest)";
                signing = true;
            } else if (signing && line.startsWith("< ")) {
                line = "< (its signature) " + line.substring(line.length() - 4);
                signing = false;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
