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

    public ScenarioException(int line, String key, String message) {
        super(message);
        this.line = line;
        this.key = key;
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
