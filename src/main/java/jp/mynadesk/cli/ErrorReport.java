package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import jp.mynadesk.format.JsonText;

/**
 * How a failure reaches the user: the Japanese message on stderr, and with {@code --json} also
 * {@code {"error": {"code", "message"}}} on stdout so a script reading stdout sees why there is no result.
 * The code is the exit code's ({@link ExitCode#code}).
 */
final class ErrorReport {
    private final boolean json;
    private final PrintWriter out;
    private final PrintWriter err;

    ErrorReport(List<String> args, PrintWriter out, PrintWriter err) {
        this.json = args.contains("--json");
        this.out = out;
        this.err = err;
    }

    int fail(ExitCode exitCode, String message) {
        err.println(message);
        err.flush();
        if (json) {
            ObjectNode root = JsonText.object();
            ObjectNode error = root.putObject("error");
            error.put("code", exitCode.code);
            error.put("message", message);
            out.println(root.toString());
            out.flush();
        }
        return exitCode.status;
    }
}
