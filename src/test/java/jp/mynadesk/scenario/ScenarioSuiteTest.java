package jp.mynadesk.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** QA's scenario suite in the build: one dynamic test per file under scenarios/, so a broken scenario fails CI. */
@Tag("slow") // the whole scenarios/ folder
class ScenarioSuiteTest {
    static final Path SCENARIOS = Path.of("scenarios");

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() throws IOException {
        List<Path> files = ScenarioRunner.files(List.of(SCENARIOS));
        assertTrue(files.size() >= 40, "the suite must hold at least 40 scenarios, found " + files.size());
        ScenarioRunner runner = new ScenarioRunner(false, LocalDate.of(2026, 12, 1));
        return files.stream().map(f -> DynamicTest.dynamicTest(SCENARIOS.relativize(f).toString(), f.toUri(), () -> {
            ScenarioResult r = runner.run(f);
            assertTrue(r.passed(), r.message());
        }));
    }
}
