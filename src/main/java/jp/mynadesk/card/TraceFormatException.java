package jp.mynadesk.card;

/** A trace file that does not follow docs/TRACE.md; names the line (1-based) and what is wrong with it. */
public final class TraceFormatException extends Exception {
    private final int line;
    private final String problem;

    public TraceFormatException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
