package jp.mynadesk.card;

import jp.mynadesk.reader.PcscProblem;

/** The APDU never got an answer: the PC/SC layer failed. Carries the classified problem for the outcome. */
public final class CardTransportException extends RuntimeException {
    private final PcscProblem problem;

    public CardTransportException(PcscProblem problem, Throwable cause) {
        super(problem.name() + ": " + (cause == null ? "" : cause.getMessage()), cause);
        this.problem = problem;
    }

    public PcscProblem problem() {
        return problem;
    }
}
