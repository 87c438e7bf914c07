package jp.mynadesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw loopback HTTP server that misbehaves on purpose: it reads the request head (and a declared body), then hands
 * the socket to a {@link Behaviour}. No HTTP library sits in between, so it can do what a real server never would.
 * {@code bench --oqs} times the client against it ({@link HostileGiveUp}); the hostile-server tests assert the outcomes.
 */
public final class HostileHttpServer implements AutoCloseable {

    /** What to answer on one connection. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(OutputStream out, Waiter waiter) throws IOException;
    }

    /** Waits until the server is closed (or the time passes); false when closing. */
    @FunctionalInterface
    public interface Waiter {
        boolean pause(long ms);
    }

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CopyOnWriteArrayList<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public HostileHttpServer(Behaviour behaviour) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        this.acceptor = new Thread(this::acceptLoop, "hostile-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            readRequest(s.getInputStream());
            OutputStream out = s.getOutputStream();
            behaviour.answer(out, this::pause);
            out.flush();
        } catch (IOException e) {
            // the client hung up: that is what these servers are for
        } finally {
            open.remove(s);
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    private boolean pause(long ms) {
        try {
            return !closing.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }

    // --- behaviours -----------------------------------------------------------------------------

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Accepts and reads the request, then says nothing until closed. */
    public static Behaviour silent() {
        return (out, w) -> w.pause(600_000);
    }

    /** Status and headers promising 1000 bytes, ten of them, then nothing. */
    public static Behaviour stallAfterHeaders() {
        return (out, w) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 1000\r\n\r\n<XmlMsg>  "));
            out.flush();
            w.pause(600_000);
        };
    }

    /** A chunked body that never ends, 64 KiB per chunk, as fast as the client reads. */
    public static Behaviour endlessChunked() {
        return (out, w) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            byte[] size = ascii(Integer.toHexString(chunk.length) + "\r\n");
            while (w.pause(0)) {
                out.write(size);
                out.write(chunk);
                out.write(ascii("\r\n"));
            }
        };
    }

    /** One byte every {@code everyMs}: each read succeeds, the answer never completes in time. */
    public static Behaviour trickle(long everyMs) {
        return (out, w) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n"));
            out.flush();
            while (w.pause(everyMs)) {
                out.write('<');
                out.flush();
            }
        };
    }

    /** A complete answer of {@code bytes} bytes with its Content-Length (sent as fast as it is read). */
    public static Behaviour huge(long bytes) {
        return (out, w) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " + bytes + "\r\n\r\n"));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            for (long sent = 0; sent < bytes && w.pause(0); sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - sent));
            }
        };
    }

    /** A body without length or chunking, delimited by the connection closing, that never closes. */
    public static Behaviour endlessUntilClose() {
        return (out, w) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nConnection: close\r\n\r\n"));
            byte[] block = new byte[64 * 1024];
            while (w.pause(0)) {
                out.write(block);
            }
        };
    }

    public static Behaviour redirect(int status) {
        return (out, w) -> out.write(ascii("HTTP/1.1 " + status + " Moved\r\nLocation: http://127.0.0.1:1/login\r\n"
                + "Content-Length: 0\r\n\r\n"));
    }

    /** Not HTTP at all. */
    public static Behaviour garbage() {
        return (out, w) -> out.write(ascii("SSH-2.0-OpenSSH_9.6\r\n"));
    }
}
