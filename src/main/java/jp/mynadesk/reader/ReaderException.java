package jp.mynadesk.reader;

/** A reader could not be found or used; {@link #problem()} says how, in words staff understand. */
public final class ReaderException extends Exception {
    private final PcscProblem problem;

    public ReaderException(PcscProblem problem, String detail, Throwable cause) {
        super(problem.name() + (detail == null ? "" : ": " + detail), cause);
        this.problem = problem;
    }

    public PcscProblem problem() {
        return problem;
    }
}
