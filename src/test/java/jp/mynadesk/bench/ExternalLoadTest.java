package jp.mynadesk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Parsing wrk's report and quoting the body; wrk itself is never run by the tests. */
@Tag("slow") // load loop
class ExternalLoadTest {
    @Test
    void readsTheRateAndRefusesNon2xxAnswers() throws Exception {
        String ok = "Running 3s test\n  19126 requests in 15.02s, 61.96MB read\nRequests/sec:   1273.59\nTransfer/sec: 4.13MB\n";
        assertEquals(1273.59, ExternalLoad.parse(ok));
        assertThrows(IOException.class, () -> ExternalLoad.parse("  Non-2xx or 3xx responses: 12\n" + ok));
        assertThrows(IOException.class, () -> ExternalLoad.parse("unable to connect"));
    }

    @Test
    void theBodyIsQuotedSoThatItCannotCloseItsLongString() {
        String script = ExternalLoad.luaScript("<a>]]]=]</a>");
        assertTrue(script.contains("wrk.body = [==[<a>]]]=]</a>]==]"), script);
    }
}
