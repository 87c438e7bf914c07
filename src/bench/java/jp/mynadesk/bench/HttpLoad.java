package jp.mynadesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A load generator that costs the service under test as little as possible: one thread per raw keep-alive socket,
 * the request bytes encoded once, the answer read by Content-Length and not parsed. What an HTTP client library and
 * XML decoding cost is measured apart (client cost), so the figure here is the service's.
 */
final class HttpLoad implements AutoCloseable {
    /** Completed requests, failures (non-200 answers and broken connections), and the CPU time the generator's own threads used. */
    record Result(long completed, long failed, double seconds, long clientCpuNanos, long[] latencyNanos) {
        double perSecond() {
            return completed / seconds;
        }
    }

    private final List<Connection> connections = new ArrayList<>();

    /** Request i carries {@code bodies[i mod bodies.size()]}, all encoded here, once. */
    HttpLoad(URI uri, String path, List<byte[]> bodies, int connections) throws IOException {
        byte[][] requests = new byte[bodies.size()][];
        for (int b = 0; b < requests.length; b++) {
            byte[] body = bodies.get(b);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/xml; charset=UTF-8\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            requests[b] = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, requests[b], head.length, body.length);
        }
        for (int i = 0; i < connections; i++) {
            this.connections.add(new Connection(new InetSocketAddress(uri.getHost(), uri.getPort()), requests));
        }
    }

    /** Closed loop: every connection sends its next request as soon as the previous answer is in. */
    Result closedLoop(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        return run(c -> {
            long n = 0;
            while (System.nanoTime() < end) {
                c.exchange((int) (n % c.requests.length));
                n++;
            }
            return n;
        }, null);
    }

    /**
     * Open loop at {@code rate} requests/s for {@code count} requests: request i is due at start + i/rate on
     * connection i mod n; its latency is counted from when it was due, so a slow answer delays the count of the
     * requests queued behind it instead of hiding them (no coordinated omission).
     */
    Result openLoop(double rate, int count) throws InterruptedException {
        long[] latencies = new long[count];
        long start = System.nanoTime() + 20_000_000L;
        int n = connections.size();
        Result r = run(c -> {
            long done = 0;
            for (int i = c.index; i < count; i += n) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                c.exchange(i % c.requests.length);
                latencies[i] = System.nanoTime() - due;
                done++;
            }
            return done;
        }, latencies);
        return r;
    }

    private interface Work {
        long run(Connection c) throws IOException, InterruptedException;
    }

    private Result run(Work work, long[] latencies) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LongAdder completed = new LongAdder();
        AtomicLong cpu = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (Connection c : connections) {
            c.rejected = 0;
            Thread t = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                try {
                    completed.add(work.run(c));
                } catch (IOException | InterruptedException e) {
                    c.broken = true;
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
            }, "load-" + c.index);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long rejected = connections.stream().mapToLong(c -> c.rejected).sum();
        long broken = connections.stream().filter(c -> c.broken).count();
        return new Result(completed.sum() - rejected, rejected + broken, seconds, cpu.get(), latencies);
    }

    @Override
    public void close() throws IOException {
        for (Connection c : connections) {
            c.socket.close();
        }
    }

    /** One keep-alive socket and its reader. */
    private final class Connection {
        final int index = connections.size();
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final byte[][] requests;
        final byte[] buf = new byte[16 * 1024];
        long rejected;
        boolean broken;

        Connection(InetSocketAddress address, byte[][] requests) throws IOException {
            this.socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 2000);
            socket.setSoTimeout(10_000);
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
            this.requests = requests;
        }

        /**
         * Sends the request and reads the whole answer; a status other than 200 counts as rejected. The head is
         * parsed in place in one buffer (a byte-at-a-time reader cost the generator more CPU than the service's
         * own parsing), the body skipped by Content-Length.
         */
        void exchange(int request) throws IOException {
            out.write(requests[request]);
            out.flush();
            int filled = 0;
            int headEnd;
            while ((headEnd = headEnd(buf, filled)) < 0) {
                if (filled == buf.length) {
                    throw new IOException("answer head larger than " + buf.length + " bytes");
                }
                int n = in.read(buf, filled, buf.length - filled);
                if (n < 0) {
                    throw new IOException("connection closed by the service");
                }
                filled += n;
            }
            long length = contentLength(buf, headEnd);
            if (length < 0) {
                throw new IOException("answer without Content-Length");
            }
            long rest = length - (filled - headEnd);
            if (rest > 0) {
                in.skipNBytes(rest);
            }
            if (!startsWith200(buf)) {
                rejected++;
            }
        }
    }

    /** Index just past the blank line ending the head, or -1. */
    static int headEnd(byte[] b, int filled) {
        for (int i = 3; i < filled; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK_STATUS = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);

    /** The Content-Length header's value in {@code b[0, headEnd)}, or -1. */
    static long contentLength(byte[] b, int headEnd) {
        outer:
        for (int i = 0; i + CONTENT_LENGTH.length < headEnd; i++) {
            for (int j = 0; j < CONTENT_LENGTH.length; j++) {
                if (Character.toLowerCase(b[i + j]) != CONTENT_LENGTH[j]) {
                    continue outer;
                }
            }
            long value = 0;
            int k = i + CONTENT_LENGTH.length;
            while (b[k] == ' ') {
                k++;
            }
            for (; b[k] >= '0' && b[k] <= '9'; k++) {
                value = value * 10 + (b[k] - '0');
            }
            return value;
        }
        return -1;
    }

    private static boolean startsWith200(byte[] b) {
        return Arrays.equals(b, 0, OK_STATUS.length, OK_STATUS, 0, OK_STATUS.length);
    }
}
