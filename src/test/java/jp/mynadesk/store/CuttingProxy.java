package jp.mynadesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between a store and PostgreSQL that can lose the connection exactly at the client's COMMIT, the one
 * moment where the client cannot know whether its change is on record. Armed once, it fires at the next chunk from
 * the client that carries the bytes {@code COMMIT} (the statement's text in its Parse or Query message; the SQL the
 * store sends before it never contains the word) and then relays normally again.
 */
final class CuttingProxy implements AutoCloseable {
    enum Cut {
        /** The COMMIT reaches the server, which commits; its answer never reaches the client. */
        LANDED,
        /** The COMMIT never reaches the server, which rolls back when the connection ends. */
        LOST
    }

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");
    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);
    /** Long enough for the server to commit (synchronous_commit = on) before the connection ends. */
    private static final long LANDING_MILLIS = 300;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final SharedDatabase through;
    private final AtomicReference<Cut> armed = new AtomicReference<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int fired;
    private volatile boolean refusing;
    private volatile boolean refuseAfterCut;

    /** Relays to the server of {@code db}; {@link #database()} is the same record reached through the relay. */
    CuttingProxy(SharedDatabase db) throws IOException {
        Matcher m = HOST_PORT.matcher(db.url());
        if (!m.find()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/ URL: " + db.url());
        }
        targetHost = m.group(1);
        targetPort = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        through = new SharedDatabase(db.url().substring(0, m.start(1)) + "127.0.0.1:" + server.getLocalPort()
                + db.url().substring(m.end() - 1), db.password(), db.auditKeyFile());
        Thread accept = new Thread(this::accept, "cutting-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    SharedDatabase database() {
        return through;
    }

    /** The next COMMIT from a client is cut as {@code how}. */
    void arm(Cut how) {
        armed.set(how);
    }

    /** While set, every new connection is ended as soon as it is accepted, as if the server were still away. */
    void refuse(boolean refuse) {
        refusing = refuse;
    }

    /** When set, the proxy refuses every new connection from the moment it cuts (the server away after the cut). */
    void refuseAfterCut(boolean refuse) {
        refuseAfterCut = refuse;
    }

    /** How many times a COMMIT was cut (a test checks the cut happened where it meant it to). */
    int fired() {
        return fired;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                Link link = new Link(client, upstream);
                start("cutting-proxy-up", () -> link.up());
                start("cutting-proxy-down", () -> link.down());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** One client connection and its server connection. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        /** Set before a COMMIT is forwarded for a cut: from then on nothing goes back to the client. */
        private volatile boolean deaf;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        /** Client → server, watching for the COMMIT. */
        void up() {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    Cut how = contains(buf, n, COMMIT) ? armed.getAndSet(null) : null;
                    if (how == null) {
                        out.write(buf, 0, n);
                        out.flush();
                        continue;
                    }
                    deaf = true;
                    fired++;
                    if (refuseAfterCut) {
                        refusing = true;
                    }
                    if (how == Cut.LANDED) {
                        out.write(buf, 0, n);
                        out.flush();
                        Thread.sleep(LANDING_MILLIS);
                    }
                    break;
                }
            } catch (IOException | InterruptedException e) {
                // either side went away: the link ends
            } finally {
                cut();
            }
        }

        /** Server → client; during a cut the server's answer is dropped, and {@link #up} ends the link. */
        void down() {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    if (!deaf) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // either side went away: the link ends
            } finally {
                cut();
            }
        }

        private void cut() {
            closeQuietly(client);
            closeQuietly(upstream);
            open.remove(client);
            open.remove(upstream);
        }
    }

    private static boolean contains(byte[] buf, int length, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buf[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed by the other direction
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(CuttingProxy::closeQuietly);
    }
}
