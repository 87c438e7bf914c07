package jp.mynadesk.screen.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynadesk.bench.WebDeskClient;
import jp.mynadesk.oplog.OperationsLog;
import org.junit.jupiter.api.Test;

/**
 * An unexpected failure in the web desk is no longer a bare 500: its stack trace is in the operations log, and the
 * staff's message ends with where the log is.
 */
class WebDeskLogTest {
    @Test
    void anUnexpectedErrorIsLoggedWithItsStackTraceAndTheStaffMessageSaysWhere() throws Exception {
        try (WebFixture f = new WebFixture("default")) {
            Path log = OperationsLog.open(f.data, "mynadesk test").orElseThrow();
            try {
                // a bug on the card's wire: an exception nobody expects, carrying digits that must not reach the log
                f.station.virtualReader().setResponseTamperer((command, response) -> {
                    throw new ArithmeticException("bug near 123456789012");
                });
                WebDeskClient staff = f.client();
                WebDeskClient.Answer answer = staff.post("/api/staff/start", "{\"mode\":\"pin\"}");
                assertEquals(500, answer.status(), answer.body().toString());
                String message = answer.body().path("message").asText();
                assertTrue(message.endsWith("詳しい記録は " + log + " にあります（システム担当者に渡してください）。"), message);
                String text = Files.readString(log);
                assertTrue(text.contains("SEVERE web: 受付画面で予期しないエラー（POST /api/staff/start）"), text);
                assertTrue(text.contains("java.lang.ArithmeticException: bug near [数字12桁]"), text);
                assertTrue(text.contains("\tat jp.mynadesk."), text);
                assertFalse(text.contains("123456789012"), text);
            } finally {
                OperationsLog.close(0);
            }
        }
    }
}
