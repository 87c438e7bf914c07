package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exit statuses of README.md ("Exit status") and the --json error code that goes with each. */
class ExitCodeTest {
    @Test
    void theStatusesAreTheContract() {
        assertEquals(List.of(0, 1, 2, 3, 4), java.util.Arrays.stream(ExitCode.values()).map(c -> c.status).toList());
        for (ExitCode c : ExitCode.values()) {
            assertEquals(c, ExitCode.of(c.status));
        }
        assertEquals(ExitCode.UNEXPECTED, ExitCode.of(99));
    }

    @Test
    void aDamagedRecordIsNotCalledUnexpected() {
        StringWriter out = new StringWriter();
        int status = new ErrorReport(List.of("--json"), new PrintWriter(out), new PrintWriter(new StringWriter()))
                .fail(ExitCode.DAMAGED, "記録が壊れています。");
        assertEquals(4, status);
        assertEquals("{\"error\":{\"code\":\"damaged\",\"message\":\"記録が壊れています。\"}}", out.toString().strip());
    }
}
