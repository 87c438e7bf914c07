package jp.mynadesk.oqs.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.oqs.CharacterCode;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.OqsErrorCodes;
import jp.mynadesk.oqs.OqsFormatException;
import jp.mynadesk.oqs.OqsXml;
import jp.mynadesk.oqs.XmlNode;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.time.Timeline;

/**
 * The mock オンライン資格確認 service as a real HTTP server (JDK {@code com.sun.net.httpserver}), with optional
 * req/res/face folder interface and fault injection. Start it in-process with {@link #start(Config)}; port 0 picks a
 * free port ({@link #uri()} tells which).
 *
 * <p>Endpoints (all XML bodies in the {@code XmlMsg} shape unless noted; details in docs/OQS-MOCK.md):
 * {@code GET /health}, {@code POST /oqs/challenge}, {@code POST /oqs/card}, {@code POST /oqs/qualification},
 * {@code POST /oqs/batch}, {@code POST /oqs/batch/result}, {@code POST /oqs/consent}, {@code GET /oqs/crl} (DER),
 * {@code GET|PUT|DELETE /admin/faults} (JSON).
 */
public final class OqsServer implements AutoCloseable {
    private static final int MAX_BODY = XmlNode.MAX_BYTES;
    /** Seconds a client may take to send its whole request. */
    static final long MAX_REQUEST_SECONDS = 3;
    /** Worker threads; more requests wait in a bounded queue, and beyond it the connection is closed at once. */
    static final int WORKERS = 64;
    static final int QUEUE = 1024;
    /** Header carrying the admin token from a client that is not on this machine. */
    public static final String ADMIN_TOKEN_HEADER = "X-Admin-Token";
    private static final byte[] XML_TYPE = "application/xml; charset=UTF-8".getBytes(StandardCharsets.US_ASCII);

    /** Everything a server is started with; defaults suit tests and the demo. */
    public static final class Config {
        String host = "127.0.0.1";
        int port;
        Clock clock = Clock.systemUTC();
        InsuredRegistry registry;
        TestCa ca;
        FaultPlan faults = FaultPlan.none();
        Path folder;
        Duration folderPoll = Duration.ofMillis(200);
        Duration challengeTtl = Duration.ofSeconds(60);
        Duration batchProcessingTime = Duration.ofSeconds(2);
        String adminToken;
        Timeline timeline = Timeline.REAL;

        public static Config defaults() {
            return new Config();
        }

        public Config host(String host) { this.host = Objects.requireNonNull(host); return this; }
        /** 0 = an ephemeral port. */
        public Config port(int port) { this.port = port; return this; }
        public Config clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }
        public Config registry(InsuredRegistry registry) { this.registry = registry; return this; }
        /** The CA whose 利用者証明用 root the service trusts and whose key signs its CRL (default: the standard test CA). */
        public Config ca(TestCa ca) { this.ca = ca; return this; }
        public Config faults(FaultPlan faults) { this.faults = Objects.requireNonNull(faults); return this; }
        /** Root of the req/res/face folders (created if missing); null = no folder interface. */
        public Config folder(Path folder) { this.folder = folder; return this; }
        /** How often the folder interface rescans {@code req}; zero = never (call {@code processPending()}). */
        public Config folderPoll(Duration poll) { this.folderPoll = poll; return this; }
        public Config challengeTtl(Duration ttl) { this.challengeTtl = ttl; return this; }
        /** How long a batch stays "processing" (SegmentOfResult 2), by the injected clock. */
        public Config batchProcessingTime(Duration d) { this.batchProcessingTime = d; return this; }
        /**
         * Lets {@code /admin/*} requests from other machines in when they carry this token in {@value #ADMIN_TOKEN_HEADER};
         * null (the default) = admin from loopback only.
         */
        public Config adminToken(String token) { this.adminToken = token; return this; }
        /** Where hang and latency faults wait: real time, or a scenario's virtual time shared with its desk's client. */
        public Config timeline(Timeline timeline) { this.timeline = Objects.requireNonNull(timeline); return this; }
    }

    static {
        // The JDK server writes headers and body separately; with Nagle on, each answer waits for the client's delayed
        // ACK (~40 ms). Read once when the JDK's server configuration initialises, so set it before the first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that stalls while sending its request (or while reading the answer) holds a worker thread; the JDK
        // server closes such connections after these many seconds, so stalled connections cannot starve /health.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(MAX_REQUEST_SECONDS));
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "30");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final OqsService service;
    private final FaultInjector faults;
    private final FolderInterface folder;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final String adminToken;
    private final Timeline timeline;

    private OqsServer(Config c) throws IOException {
        InsuredRegistry registry = c.registry == null ? InsuredRegistry.builtIn() : c.registry;
        TestCa ca = c.ca == null ? TestCa.standard() : c.ca;
        this.service = new OqsService(c.clock, registry, ca, c.challengeTtl, c.batchProcessingTime);
        this.faults = new FaultInjector(c.clock, c.faults);
        if (c.folder != null) {
            this.folder = new FolderInterface(c.folder, service);
            service.onCardCheck(folder::writeFace);
            if (!c.folderPoll.isZero()) {
                folder.start(c.folderPoll);
            }
        } else {
            this.folder = null;
        }
        AtomicInteger threads = new AtomicInteger();
        this.adminToken = c.adminToken;
        this.timeline = c.timeline;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "oqs-http-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }); // a rejected connection is closed by the JDK server: overload sheds load instead of growing threads
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        this.http = HttpServer.create(new InetSocketAddress(c.host, c.port), 512);
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        http.start();
    }

    /** Starts a server; it runs until {@link #close()}. */
    public static OqsServer start(Config config) throws IOException {
        return new OqsServer(config);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:43125/}. */
    public URI uri() {
        return URI.create("http://" + hostForUri(http.getAddress().getHostString()) + ":" + port() + "/");
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public OqsService service() {
        return service;
    }

    public FaultInjector faults() {
        return faults;
    }

    public Optional<FolderInterface> folder() {
        return Optional.ofNullable(folder);
    }

    /** Requests received so far (for the benchmark and tests). */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        closing.countDown();
        if (folder != null) {
            folder.close();
        }
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- request handling ------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.startsWith("/admin/")) {
                admin(ex, path, method);
                return;
            }
            String endpoint = endpoint(path);
            if (endpoint == null) {
                send(ex, 404, "text/plain; charset=UTF-8", ("no such endpoint: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            boolean get = endpoint.equals("health") || endpoint.equals("crl");
            if (!method.equals(get ? "GET" : "POST")) {
                ex.getResponseHeaders().set("Allow", get ? "GET" : "POST");
                send(ex, 405, "text/plain; charset=UTF-8", ("use " + (get ? "GET" : "POST")).getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body = readBody(ex);
            if (body == null) {
                send(ex, 413, "text/plain; charset=UTF-8", "request too large".getBytes(StandardCharsets.UTF_8));
                return;
            }
            FaultInjector.Decision d = faults.decide(endpoint);
            if (d.delayMs() > 0 && !pause(ex, d.delayMs())) {
                ex.close();
                return;
            }
            if (d.fault() != null && injectBefore(ex, d.fault(), RequestEcho.of(endpoint, body))) {
                return;
            }
            byte[] answer;
            int status = 200;
            String type = "application/xml; charset=UTF-8";
            try {
                answer = answer(endpoint, body);
                type = xmlType(declaredCode(answer));
                if (endpoint.equals("crl")) {
                    type = "application/pkix-crl";
                } else if (endpoint.equals("health")) {
                    type = "text/plain; charset=UTF-8";
                }
            } catch (OqsFormatException e) {
                status = 400;
                answer = OqsXml.error(RequestEcho.of(endpoint, body).error(service.clock(), OqsErrorCodes.MALFORMED_REQUEST,
                        "要求電文を読み取れません: " + e.getMessage()));
            }
            if (d.fault() != null) {
                injectAfter(ex, d.fault(), answer);
                return;
            }
            send(ex, status, type, answer);
        } catch (RuntimeException e) {
            // a bug must still get an answer, not a silently closed connection, and a line in the log
            OperationsLog.unexpected("oqs.server", "模擬サービスで予期しないエラー", e);
            if (ex.getResponseCode() == -1) {
                send(ex, 500, "text/plain; charset=UTF-8", ("internal error: " + e.getClass().getSimpleName())
                        .getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            ex.close();
        }
    }

    /** {@code OK}, then the folder poller's state when there is a folder interface. */
    private String health() {
        if (folder == null) {
            return "OK\n";
        }
        FolderInterface.Health h = folder.health();
        return "OK\nfolder: " + (h.ok() ? "ok" : "failing: " + h.lastError()) + " (passes " + h.passes()
                + (h.lastPass() == null ? "" : ", last " + h.lastPass()) + ")\n";
    }

    private static String endpoint(String path) {
        return switch (path) {
            case "/health" -> "health";
            case "/oqs/challenge" -> "challenge";
            case "/oqs/card" -> "card";
            case "/oqs/qualification" -> "qualification";
            case "/oqs/batch" -> "batch";
            case "/oqs/batch/result" -> "batch-result";
            case "/oqs/consent" -> "consent";
            case "/oqs/crl" -> "crl";
            default -> null;
        };
    }

    private byte[] answer(String endpoint, byte[] body) throws OqsFormatException {
        return switch (endpoint) {
            case "health" -> health().getBytes(StandardCharsets.UTF_8);
            case "challenge" -> OqsXml.write(service.okHeader(), service.newChallenge());
            case "card" -> OqsXml.write(service.checkCard(OqsXml.readCardCheckRequest(XmlNode.parse(body))));
            case "qualification" -> OqsXml.write(service.query(OqsXml.readQualificationRequest(XmlNode.parse(body))));
            case "batch" -> OqsXml.write(service.submitBatch(OqsXml.readBatchRequest(XmlNode.parse(body))));
            case "batch-result" -> OqsXml.write(service.fetchBatch(OqsXml.readBatchDownloadRequest(XmlNode.parse(body))));
            case "consent" -> OqsXml.write(service.registerConsent(OqsXml.readConsentRequest(XmlNode.parse(body))));
            case "crl" -> {
                try {
                    yield service.crl().getEncoded();
                } catch (CRLException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> throw new IllegalStateException(endpoint);
        };
    }

    /** The Content-Type of an XML answer in the code {@code characterCodeIdentifier} names. */
    private static String xmlType(String characterCodeIdentifier) {
        return "application/xml; charset=" + CharacterCode.declaredName(characterCodeIdentifier);
    }

    /** "1" when the answer was written in Shift_JIS (its declaration says so), else "0". */
    private static String declaredCode(byte[] answer) {
        String head = new String(answer, 0, Math.min(answer.length, 60), StandardCharsets.ISO_8859_1);
        return head.contains("encoding=\"Shift_JIS\"") ? CharacterCode.SHIFT_JIS : CharacterCode.UTF_8;
    }

    /** Faults that replace the answer entirely; true when the exchange is finished. */
    private boolean injectBefore(HttpExchange ex, FaultPlan.Rule f, RequestEcho echo) throws IOException {
        switch (f.kind()) {
            case "hang" -> {
                pause(ex, f.hangMs() == null ? 60_000 : f.hangMs());
                ex.close(); // drop the connection without an answer
                return true;
            }
            case "reset" -> {
                ex.close(); // no status line: the client sees the connection closed under it
                return true;
            }
            case "status", "outage" -> {
                int status = f.status() == null ? 503 : f.status();
                Long retry = f.retryAfterSeconds() != null ? f.retryAfterSeconds() : f.kind().equals("outage") ? Long.valueOf(600) : null;
                if (retry != null) {
                    ex.getResponseHeaders().set("Retry-After", Long.toString(retry));
                }
                send(ex, status, "text/plain; charset=UTF-8",
                        (status == 503 ? "メンテナンス中です / service unavailable" : "サーバーエラー / server error")
                                .getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case "empty" -> {
                ex.getResponseHeaders().set("Content-Type", new String(XML_TYPE, StandardCharsets.US_ASCII));
                ex.sendResponseHeaders(200, -1);
                return true;
            }
            case "segment9" -> {
                MessageHeader h = echo.error(service.clock(),
                        f.errorCode() == null ? OqsErrorCodes.SYSTEM_ERROR : f.errorCode(),
                        f.errorMessage() == null ? "システムエラーが発生しました" : f.errorMessage());
                send(ex, 200, xmlType(h.characterCodeIdentifier()), OqsXml.error(h));
                return true;
            }
            default -> {
                return false; // "malformed" needs the real answer to cut
            }
        }
    }

    private void injectAfter(HttpExchange ex, FaultPlan.Rule f, byte[] answer) throws IOException {
        // malformed: the real answer cut off in the middle, as a broken proxy or a crashed writer would leave it
        byte[] cut = java.util.Arrays.copyOf(answer, Math.max(1, answer.length / 2));
        send(ex, 200, "application/xml; charset=UTF-8", cut);
    }

    /** Holds the exchange on the timeline; false when the server is closing. */
    private boolean pause(HttpExchange ex, long ms) {
        try {
            return timeline.hold(ex.getRequestHeaders().getFirst(Timeline.EXCHANGE_HEADER), Duration.ofMillis(ms), closing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Loopback callers may always change faults; others only with the configured token. */
    private boolean adminAllowed(HttpExchange ex) {
        if (ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return true;
        }
        String given = ex.getRequestHeaders().getFirst(ADMIN_TOKEN_HEADER);
        return adminToken != null && given != null && MessageDigest.isEqual(
                adminToken.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private void admin(HttpExchange ex, String path, String method) throws IOException {
        if (!adminAllowed(ex)) {
            send(ex, 403, "text/plain; charset=UTF-8",
                    ("admin is allowed from this machine only, or with the " + ADMIN_TOKEN_HEADER + " header")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!path.equals("/admin/faults")) {
            send(ex, 404, "text/plain; charset=UTF-8", "no such admin endpoint".getBytes(StandardCharsets.UTF_8));
            return;
        }
        switch (method) {
            case "GET" -> send(ex, 200, "application/json", faults.plan().toJson());
            case "DELETE" -> {
                faults.set(FaultPlan.none());
                send(ex, 200, "application/json", faults.plan().toJson());
            }
            case "PUT", "POST" -> {
                byte[] body = readBody(ex);
                try {
                    faults.set(FaultPlan.parse(body == null ? new byte[0] : body));
                    send(ex, 200, "application/json", faults.plan().toJson());
                } catch (IllegalArgumentException e) {
                    send(ex, 400, "text/plain; charset=UTF-8", e.getMessage().getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> send(ex, 405, "text/plain; charset=UTF-8", "use GET, PUT or DELETE".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
