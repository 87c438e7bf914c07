package jp.mynadesk.cli;

/** A failure the command explains itself: the message is what the user reads, the code is the exit status. */
final class CliException extends RuntimeException {
    private final ExitCode exitCode;

    CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException badInput(String message) {
        return new CliException(ExitCode.BAD_INPUT, message);
    }

    static CliException unavailable(String message) {
        return new CliException(ExitCode.UNAVAILABLE, message);
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
