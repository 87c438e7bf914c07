package jp.mynadesk.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.mynadesk.testsupport.RequiresPcscd;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The same scenario files through the real PC/SC stack ({@code --pcsc}): pcscd, the vpcd reader and the bridge
 * carrying the virtual card; removals and insertions go through the bridge and pcscd's polling. Every scenario runs
 * this way too ({@code scenario run --pcsc}): the same files must pass whatever carries the card.
 */
@RequiresPcscd
class ScenarioPcscTest {
    @TestFactory
    Stream<DynamicTest> everyScenarioPassesThroughPcscd() throws IOException {
        List<Path> files = ScenarioRunner.files(List.of(ScenarioSuiteTest.SCENARIOS));
        ScenarioRunner runner = new ScenarioRunner(true, LocalDate.of(2026, 12, 1));
        return files.stream().map(f -> DynamicTest.dynamicTest("pcsc " + ScenarioSuiteTest.SCENARIOS.relativize(f), f.toUri(), () -> {
            ScenarioResult r = runner.run(f);
            assertTrue(r.passed(), r.message());
        }));
    }
}
