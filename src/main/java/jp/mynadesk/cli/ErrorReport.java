package jp.mynadesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import jp.mynadesk.format.JsonText;

/**
 * How a failure reaches the user: the Japanese message on stderr, and with {@code --json} also
 * {@code {"error": {"code", "message"}}} on stdout so a script reading stdout sees why there is no result.
 * Codes follow the exit status: {@code bad-input} (2), {@code unavailable} (3), {@code unexpected} (1).
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

    int fail(int exitCode, String message) {
        err.println(message);
        err.flush();
        if (json) {
            ObjectNode root = JsonText.object();
            ObjectNode error = root.putObject("error");
            error.put("code", code(exitCode));
            error.put("message", message);
            out.println(root.toString());
            out.flush();
        }
        return exitCode;
    }

    static String code(int exitCode) {
        return switch (exitCode) {
            case Main.BAD_INPUT -> "bad-input";
            case Main.UNAVAILABLE -> "unavailable";
            default -> "unexpected";
        };
    }
}
