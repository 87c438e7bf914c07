package jp.mynadesk.scenario;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.virtualcard.CardProfile;

/**
 * One scenario file, read and checked (format in docs/SCENARIOS.md): the desk it starts with and the steps QA
 * wrote.
 *
 * @param asOf     where the scenario's clock starts
 * @param card     the card in the reader at the start, or null (no card)
 * @param reader   the reader (firmware) profile named by {@code reader:}, or null (generic)
 * @param registry the service's registry, or null (built-in)
 * @param faults   the service's faults at the start
 */
public record Scenario(Path file, String name, Instant asOf, CardProfile card, String reader, InsuredRegistry registry,
                       FaultPlan faults, List<ScenarioStep> steps) {
    public Scenario {
        steps = List.copyOf(steps);
    }
}
