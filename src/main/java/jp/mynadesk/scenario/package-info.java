/**
 * QA's suite: YAML files ({@code scenarios/}, docs/SCENARIOS.md) read with line numbers, run each in a fresh data
 * directory, service and clock through {@code station} and {@code CheckScript}, matched partially against the {@code
 * check --json} / {@code recheck --json} documents; JUnit XML report; with {@code --traces}, a failed scenario's APDU
 * trace (for {@code trace replay}).
 *
 * <p><b>Virtual time.</b> Each scenario runs on its own {@code time.VirtualTimeline} (docs/SCENARIOS.md, "Virtual
 * time"): the client's back-offs and deadlines, the card session's wait for a card, reader-profile latency and the
 * mock service's {@code hang} / {@code latency} holds wait on it, so they cost no real time and are still seen to
 * pass; {@code --real-time} waits really ({@code ScenarioTimelinesTest} compares both); the data folder in {@code
 * /dev/shm} where there is one; {@code scenario run --json} reports wall and CPU time ({@code cli.RunCost}).
 *
 * <p><b>At once.</b> {@link jp.mynadesk.scenario.ScenarioBatch} runs up to {@code --jobs} scenarios at once, each on
 * one thread, and hands the results over in the files' order ({@code ScenarioJobsTest} compares with one by one).
 */
package jp.mynadesk.scenario;
