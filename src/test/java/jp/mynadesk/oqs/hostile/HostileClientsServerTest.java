package jp.mynadesk.oqs.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.mynadesk.oqs.server.OqsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The mock service against clients that misbehave: stalled connections, strangers changing faults, odd plans. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileClientsServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("oqs-http-")).count();
    }

    @Test
    void stalledConnectionsGetBoundedWorkersAndHealthStillAnswers() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0))) {
            for (int i = 0; i < 400; i++) { // each sends half a request head and then nothing
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                OutputStream out = s.getOutputStream();
                out.write("POST /oqs/qualification HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n<Xml"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(s);
            }
            HttpResponse<String> health = send(HttpRequest.newBuilder(server.uri().resolve("health")).build());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().startsWith("OK"));
            assertTrue(workerThreads() <= 64, "worker threads " + workerThreads());
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void putNullIsAnsweredWith400AndTheOldPlanStays() throws Exception {
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0))) {
            URI admin = server.uri().resolve("admin/faults");
            for (String body : new String[] {"null", "{\"rules\": [null]}", "", "{\"rules\": null, \"seed\": null}x"}) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(admin).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
                assertEquals(400, r.statusCode(), body);
            }
            assertEquals(200, send(HttpRequest.newBuilder(admin).GET().build()).statusCode());
        }
    }

    @Test
    void adminFromAnotherHostNeedsTheToken() throws Exception {
        InetAddress own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        assumeTrue(own != null, "needs a non-loopback address on this machine");
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().host("0.0.0.0").port(0).adminToken("s3cret-token"))) {
            URI viaNetwork = URI.create("http://" + own.getHostAddress() + ":" + server.port() + "/admin/faults");
            String plan = "{\"rules\": [{\"kind\": \"reset\"}]}";
            assertEquals(403, send(HttpRequest.newBuilder(viaNetwork).PUT(HttpRequest.BodyPublishers.ofString(plan)).build()).statusCode());
            assertEquals(403, send(HttpRequest.newBuilder(viaNetwork).header(OqsServer.ADMIN_TOKEN_HEADER, "wrong")
                    .PUT(HttpRequest.BodyPublishers.ofString(plan)).build()).statusCode());
            assertTrue(server.faults().plan().rules().isEmpty());
            assertEquals(200, send(HttpRequest.newBuilder(viaNetwork).header(OqsServer.ADMIN_TOKEN_HEADER, "s3cret-token")
                    .PUT(HttpRequest.BodyPublishers.ofString(plan)).build()).statusCode());
            assertEquals(1, server.faults().plan().rules().size());
            URI viaLoopback = URI.create("http://127.0.0.1:" + server.port() + "/admin/faults");
            assertEquals(200, send(HttpRequest.newBuilder(viaLoopback).DELETE().build()).statusCode());
        }
    }
}
