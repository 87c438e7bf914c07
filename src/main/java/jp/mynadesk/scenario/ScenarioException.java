package jp.mynadesk.scenario;

/**
 * A scenario file that cannot be run as written: where (line, key) and what to fix, in Japanese for QA.
 *
 * @see ScenarioFile
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String key;
    private final boolean beyondLimits;

    public ScenarioException(int line, String key, String message) {
        this(line, key, message, false);
    }

    private ScenarioException(int line, String key, String message, boolean beyondLimits) {
        super(message);
        this.line = line;
        this.key = key;
        this.beyondLimits = beyondLimits;
    }

    /**
     * The file is not one to read at all: not a regular file, too large, or a value too long
     * ({@link ScenarioFile#checkLimits}). {@code scenario run} refuses such a PATH with exit 2 before running anything.
     */
    static ScenarioException beyondLimits(int line, String key, String message) {
        return new ScenarioException(line, key, message, true);
    }

    public boolean beyondLimits() {
        return beyondLimits;
    }

    /** 1-based; 0 when not known. */
    public int line() {
        return line;
    }

    /** The key (path like {@code steps[2].check.mode}), or null. */
    public String key() {
        return key;
    }
}
