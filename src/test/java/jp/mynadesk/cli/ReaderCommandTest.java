package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.testsupport.RequiresPcscd;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code mynadesk reader list} in a child JVM: SunPCSC keeps one context per JVM, so "pcscd is down" can only be
 * shown in a fresh one. Pointing libpcsclite at a socket that does not exist is exactly what a stopped pcscd
 * looks like to it.
 */
@Tag("slow") // child JVM
class ReaderCommandTest {

    @Test
    void pcscdDownIsEnvironmentUnavailableWithAStaffMessage() throws Exception {
        Child run = child(Map.of("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm"), "reader", "list");
        assertEquals(3, run.code, run.out + run.err);
        assertTrue(run.err.contains("カードリーダーの管理サービス（pcscd）が動いていません"), run.err);
        assertTrue(run.err.contains("SERVICE_DOWN"), run.err);
        Child json = child(Map.of("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm"), "reader", "list", "--json");
        assertEquals(3, json.code);
        assertEquals("unavailable", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out).get("error").get("code").asText());
    }

    @Test
    @RequiresPcscd
    void listsTheVpcdReaders() throws Exception {
        Child run = child(Map.of(), "reader", "list");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("Virtual PCD 00 00\t"), run.out);
        Child json = child(Map.of(), "reader", "list", "--json");
        assertEquals(0, json.code, json.err);
        var readers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out);
        assertTrue(java.util.stream.StreamSupport.stream(readers.spliterator(), false)
                .anyMatch(r -> r.get("name").asText().equals("Virtual PCD 00 00") && r.has("cardPresent")), json.out);
    }

    record Child(int code, String out, String err) {}

    static Child child(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(jp.mynadesk.testsupport.ChildJvm.command(List.of(), Main.class, args));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Child(p.exitValue(), out, err);
    }
}
