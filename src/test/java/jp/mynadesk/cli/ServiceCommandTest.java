package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandTest {

    @Test
    void startsOnAFreePortPrintsTheUrlAndStopsWhenInterrupted(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(Main.run(new String[] {"service", "start", "--port", "0", "--folder",
                dir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true))));
        t.start();
        Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
        Matcher m = url.matcher("");
        for (int i = 0; i < 250; i++) {
            m = url.matcher(out.toString());
            if (m.find()) {
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(m.find(0), "printed the URL: " + out + err);
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(Files.isDirectory(dir.resolve("req")));
        t.interrupt();
        t.join(5000);
        assertEquals(0, exit.get());
    }

    @Test
    void badRegistryOrFaultFileIsBadInput(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("r.json");
        Files.writeString(broken, "{\"people\": 3}");
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new String[] {"service", "start", "--port", "0", "--registry", broken.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("--registry"), err.toString());
        Path faults = dir.resolve("f.json");
        Files.writeString(faults, "{\"rules\":[{\"kind\":\"status\"}]}");
        err = new StringWriter();
        assertEquals(2, Main.run(new String[] {"service", "start", "--port", "0", "--faults", faults.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("rules[0].status: "), err.toString());
        assertEquals(2, Main.run(new String[] {"service", "start", "--port", "0", "--faults", dir.resolve("missing").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    }

    /** The two commands: a file that is not JSON at all, here with the shape of /etc/passwd. */
    @Test
    void aFileThatIsNotJsonIsExplainedInJapaneseWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        for (String option : new String[] {"--registry", "--faults"}) {
            StringWriter err = new StringWriter();
            assertEquals(2, Main.run(new String[] {"service", "start", "--port", "0", option, passwd.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err, true)), option);
            String message = err.toString().replace(passwd.toString(), "FILE");
            assertTrue(message.startsWith(option + ": "), message);
            assertTrue(message.contains("を読み込めません: 1 行 1 列: JSON として読めません"), message);
            assertTrue(!message.contains("root") && !message.contains("Exception") && !message.contains("JSON String"),
                    message);
        }
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new String[] {"service", "start", "--port", "0", "--faults", dir.resolve("none.json").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("--faults: ファイル") && err.toString().contains("がありません"), err.toString());
    }

    @Test
    void aNullFaultFileIsBadInputNotACrash(@TempDir Path dir) throws Exception {
        for (String content : new String[] {"null", "{\"rules\": [null]}"}) {
            Path faults = Files.writeString(dir.resolve("null.json"), content);
            StringWriter err = new StringWriter();
            assertEquals(2, Main.run(new String[] {"service", "start", "--port", "0", "--faults", faults.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err, true)), content);
            assertTrue(err.toString().contains("--faults"), err.toString());
            assertTrue(!err.toString().contains("Exception") && !err.toString().contains("\tat "), err.toString());
        }
    }

    @Test
    void portInUseIsUnavailable() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            assertEquals(3, Main.run(new String[] {"service", "start", "--port", Integer.toString(socket.getLocalPort())},
                    new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
            assertTrue(err.toString().contains(Integer.toString(socket.getLocalPort())), err.toString());
        }
    }

    @Test
    void registryGenerateWritesAFileTheServiceAccepts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("people.lines");
        CliRun run = CliRun.of("service", "registry", "generate", "--people", "500", "--out", file.toString(), "--seed", "3");
        assertEquals(ExitCode.OK.status, run.exitCode(), run.err());
        assertEquals(500, jp.mynadesk.oqs.server.InsuredRegistry.load(file).size());
        CliRun bad = CliRun.of("service", "registry", "generate", "--people", "0", "--out", file.toString());
        assertEquals(ExitCode.BAD_INPUT.status, bad.exitCode());
        assertTrue(bad.err().contains("--people"), bad.err());
    }

    @Test
    void aNullOrMalformedRegistryIsBadInputNamingTheFileWithoutAStackTrace(@TempDir Path dir) throws Exception {
        for (String content : new String[] {"null", "{\"people\": [", "mynadesk-registry-lines 1\n{}\nx:1\t{}\n"}) {
            Path file = dir.resolve("registry.json");
            Files.writeString(file, content);
            CliRun run = CliRun.of("service", "start", "--port", "0", "--registry", file.toString());
            assertEquals(ExitCode.BAD_INPUT.status, run.exitCode(), content);
            assertTrue(run.err().contains(file.toString()), run.err());
            assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), run.err());
        }
    }

    /** The bundled maintenance window (2026-04-15 12:00–13:00 JST) fires by the service's clock started with --as-of. */
    @Test
    void asOfRunsTheServiceClockFromThereSoTimedFaultsFire(@TempDir Path dir) throws Exception {
        Path window = dir.resolve("maintenance-window.json");
        try (var in = getClass().getResourceAsStream("/jp/mynadesk/oqs/faults/maintenance-window.json")) {
            Files.write(window, in.readAllBytes());
        }
        assertEquals(503, healthAt("2026-04-15T12:30", window));
        assertEquals(200, healthAt("2026-04-15T11:00", window));
        assertEquals(200, healthAt("2026-04-15T13:00:00+09:00", window), "until is exclusive");
    }

    @Test
    void badAsOfIsBadInput() {
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new String[] {"service", "start", "--port", "0", "--as-of", "2026-02-30"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("--as-of"), err.toString());
    }

    private static int healthAt(String asOf, Path faults) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread t = new Thread(() -> Main.run(new String[] {"service", "start", "--port", "0", "--faults", faults.toString(),
                "--as-of", asOf}, new PrintWriter(out, true), new PrintWriter(err, true)));
        t.start();
        try {
            Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
            Matcher m = url.matcher("");
            for (int i = 0; i < 500 && !(m = url.matcher(out.toString())).find(); i++) {
                Thread.sleep(20);
            }
            assertTrue(m.find(0), "printed the URL: " + out + err);
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1) + "health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } finally {
            t.interrupt();
            t.join(5000);
        }
    }
}
