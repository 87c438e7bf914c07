package jp.mynadesk.cli;

/**
 * The exit status of every command, the contract of README.md ("Exit status"): one place for the numbers and for the
 * code that {@code --json} prints with a failure ({@code {"error": {"code", "message"}}}).
 */
public enum ExitCode {
    /** The command ran to a decision, whatever the outcome. */
    OK(0, "ok"),
    /**
     * Something the program did not expect: a bug; the operations log has the stack trace. Where a command's answer
     * must not read as 0 though nothing failed, it is that answer: {@code doctor}'s 警告, {@code trace replay}'s
     * "differs", a {@code scenario} that failed.
     */
    UNEXPECTED(1, "unexpected"),
    /** Bad usage or input: the message names the option or field and what is allowed. */
    BAD_INPUT(2, "bad-input"),
    /** The environment is unavailable: no reader, pcscd down, the record locked by another desk or its folder unusable. */
    UNAVAILABLE(3, "unavailable"),
    /** The record was tampered with or is damaged ({@code db verify}). */
    DAMAGED(4, "damaged");

    /** The process's exit status. */
    public final int status;
    /** The word for it in {@code --json} error output. */
    public final String code;

    ExitCode(int status, String code) {
        this.status = status;
        this.code = code;
    }

    /** The exit code with that status; a status no command returns is {@link #UNEXPECTED}. */
    public static ExitCode of(int status) {
        for (ExitCode c : values()) {
            if (c.status == status) {
                return c;
            }
        }
        return UNEXPECTED;
    }
}
