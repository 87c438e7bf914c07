package jp.mynadesk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running scenarios at once changes how long the suite takes, nothing else: the scenarios folder run one by one and
 * two at a time gives the same results in the same order, records the same visits (every stored field, the times
 * included) and has the same conversation with the card, stamps included (each scenario's own virtual time).
 */
class ScenarioJobsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    @Test
    @Tag("slow") // the whole scenarios/ folder twice
    void twoAtATimeRecordWhatOneByOneRecords() throws IOException {
        List<Path> files = ScenarioRunner.files(List.of(ScenarioSuiteTest.SCENARIOS));
        assertTrue(files.size() >= 40, "the whole suite, found " + files.size());
        ScenarioRunner runner = new ScenarioRunner(false, TODAY, true, false);
        Run one = run(runner, files, 1);
        Run two = run(runner, files, 2);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ScenarioResult a = one.results.get(i);
            ScenarioResult b = two.results.get(i);
            assertEquals(files.get(i), b.file(), "in the files' order");
            assertTrue(a.passed(), a.message());
            if (!(a.passed() == b.passed() && a.steps() == b.steps() && a.name().equals(b.name())
                    && String.valueOf(a.message()).equals(String.valueOf(b.message())))) {
                differences.add(files.get(i) + ": result " + a.message() + " / " + b.message());
            }
            ScenarioRunner.Recorded ra = one.recorded.get(i);
            ScenarioRunner.Recorded rb = two.recorded.get(i);
            if (!ra.visits().equals(rb.visits())) {
                differences.add(files.get(i) + ": visits\n  one " + ra.visits() + "\n  two " + rb.visits());
            }
            if (!withoutChallenge(ra.trace()).equals(withoutChallenge(rb.trace()))) {
                differences.add(files.get(i) + ": trace\n" + withoutChallenge(ra.trace()) + "\n---\n" + withoutChallenge(rb.trace()));
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void aFailingScenarioIsItsOwnFailureAndTheOrderHolds() throws IOException {
        String pass = "name: ok%d\nasOf: 2026-12-01\ncard: default\nsteps:\n  - check: {consent: all}\n"
                + "  - expect: {outcome: confirmed}\n";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path f = dir.resolve("s" + i + ".yaml");
            Files.writeString(f, i == 1 ? "name: broken\nsteps:\n  - check: {mode: face}\n"
                    : i == 3 ? "name: [unclosed\n" : i == 4 ? pass.formatted(i).replace("confirmed", "rejected") : pass.formatted(i));
            files.add(f);
        }
        files.add(dir.resolve("missing.yaml"));
        Run two = run(new ScenarioRunner(false, TODAY), files, 3);
        assertEquals(files.size(), two.results.size());
        for (int i = 0; i < files.size(); i++) {
            ScenarioResult r = two.results.get(i);
            assertEquals(files.get(i), r.file());
            boolean shouldPass = i == 0 || i == 2 || i == 5;
            assertEquals(shouldPass, r.passed(), i + ": " + r.message());
        }
        assertTrue(two.results.get(4).message().contains("outcome"), two.results.get(4).message());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void theSharedCachesGiveEveryThreadTheSameAnswers() throws Exception {
        // What scenarios running at once share: the built-in card profiles (one instance each).
        List<String> profiles = new ArrayList<>(jp.mynadesk.virtualcard.CardProfiles.list().stream()
                .map(jp.mynadesk.virtualcard.CardProfile::name).toList());
        int threads = 4;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<Object>>> seen = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                seen.add(pool.submit(() -> {
                    start.await();
                    List<Object> out = new ArrayList<>();
                    for (String name : profiles) {
                        out.add(jp.mynadesk.virtualcard.CardProfiles.builtIn(name).orElseThrow());
                    }
                    return out;
                }));
            }
            List<Object> first = seen.get(0).get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertEquals(profiles.size(), first.size());
            for (int t = 1; t < threads; t++) {
                List<Object> other = seen.get(t).get(1, java.util.concurrent.TimeUnit.MINUTES);
                for (int i = 0; i < first.size(); i++) {
                    org.junit.jupiter.api.Assertions.assertSame(first.get(i), other.get(i), "one binding per profile");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void jobsOutsideTheRangeAreRefused() {
        for (int jobs : new int[] {0, ScenarioBatch.MAX_JOBS + 1}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ScenarioBatch.run(new ScenarioRunner(false, TODAY), List.of(), jobs, null, r -> { }));
        }
        int d = ScenarioBatch.defaultJobs();
        assertTrue(d >= 1 && d <= 4, "default " + d);
    }

    private record Run(List<ScenarioResult> results, AtomicReferenceArray<ScenarioRunner.Recorded> recorded) {}

    private static Run run(ScenarioRunner runner, List<Path> files, int jobs) {
        List<ScenarioResult> results = new ArrayList<>();
        AtomicReferenceArray<ScenarioRunner.Recorded> recorded = new AtomicReferenceArray<>(files.size());
        Thread caller = Thread.currentThread();
        ScenarioBatch.run(runner, files, jobs, null, r -> {
            assertEquals(caller, Thread.currentThread(), "results reach the caller's thread");
            results.add(r);
        }, recorded::set);
        return new Run(results, recorded);
    }

    /** The card signs a challenge drawn at random: that exchange's data differs between any two runs. */
    private static String withoutChallenge(String trace) {
        if (trace == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean signing = false;
        for (String line : trace.lines().toList()) {
            if (line.startsWith("> 802A")) {
                line = "> 802A (a challenge's digest)" + stamp(line);
                signing = true;
            } else if (signing && line.startsWith("< ")) {
                String stamp = stamp(line);
                String rest = line.substring(0, line.length() - stamp.length());
                line = "< (its signature) " + rest.substring(Math.max(0, rest.length() - 4)) + stamp;
                signing = false;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String stamp(String line) {
        int at = line.lastIndexOf(" @");
        return at < 0 ? "" : line.substring(at);
    }
}
