package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.mynadesk.format.JsonText;

/**
 * HTTP/1.1 written by hand on one socket, for what a browser would never send: chunked floods, trickled headers,
 * hundreds of connections. Also finds this machine's addresses other than loopback, so a test can reach a desk
 * bound to {@code 0.0.0.0} as a client the desk sees as another machine.
 */
final class RawHttp implements AutoCloseable {
    /** A status, headers (lower-case names) and body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        JsonNode json() throws IOException {
            return JsonText.read(body);
        }
    }

    /** A session as a page holds it: the cookie and the CSRF token. */
    record Session(String cookie, String csrf) {}

    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final String host;

    RawHttp(InetAddress address, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 5000);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        host = (address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress())
                + ":" + port;
    }

    /** This machine's IPv4 addresses that are not loopback (the desk sees a client on one of them as the LAN). */
    static List<InetAddress> lanAddresses() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp()) {
                continue;
            }
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    found.add(a);
                }
            }
        }
        return found;
    }

    void write(String ascii) throws IOException {
        out.write(ascii.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends a whole request with a Content-Length body (or none). */
    void send(String method, String path, Session s, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        if (s != null) {
            head.append("Cookie: ").append(s.cookie()).append("\r\nX-CSRF-Token: ").append(s.csrf()).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    Response exchange(String method, String path, Session s, String json) throws IOException {
        send(method, path, s, json);
        return read();
    }

    /** A new session on this connection. */
    Session session() throws IOException {
        Response r = exchange("GET", "/api/session", null, null);
        String cookie = r.headers().get("set-cookie");
        return new Session(cookie.substring(0, cookie.indexOf(';')), r.json().path("csrf").asText());
    }

    /** Reads one response (Content-Length or none; an event stream is left open after its head). */
    Response read() throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("closed before an answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        byte[] body = new byte[0];
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, body);
    }

    /** True when the desk closed this connection (end of stream or reset) within {@code millis}. */
    boolean closedWithin(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(before);
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
