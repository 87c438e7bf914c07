package jp.mynadesk.scenario;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How one scenario file went.
 *
 * @param name    the scenario's name, or the file name when the file could not be read
 * @param passed  every step ran and every expectation held
 * @param message why it failed (file, line, key or step, and what differed), or null
 * @param steps   steps run
 * @param trace   when traces were asked for and the scenario failed: its card's APDUs up to the failure (VERIFY
 *                masked, docs/TRACE.md), for {@code trace replay}; else null
 */
public record ScenarioResult(Path file, String name, boolean passed, String message, int steps, Duration time,
                             String trace) {}
