package jp.mynadesk.cli;

/** A failure the command explains itself: the message is what the user reads, the code is the exit status. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException badInput(String message) {
        return new CliException(Main.BAD_INPUT, message);
    }

    static CliException unavailable(String message) {
        return new CliException(Main.UNAVAILABLE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
