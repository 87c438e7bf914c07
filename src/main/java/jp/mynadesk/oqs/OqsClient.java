package jp.mynadesk.oqs;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.pki.CrlRevocationSource;
import jp.mynadesk.pki.RevocationSource;
import jp.mynadesk.time.Timeline;
import jp.mynadesk.time.VirtualTimeline;

/**
 * Client of the qualification service over HTTP (keep-alive, one {@link HttpClient}). Every call has a deadline;
 * idempotent calls (queries, downloads, challenge, CRL) are retried a bounded number of times with exponential
 * backoff and jitter; card checks, batch uploads and consent registration are never retried. A
 * {@link CircuitBreaker} counts failed attempts and turns repeated failure into {@link OqsResult.Offline} so the desk
 * can fall back within a few seconds. Answers are parsed strictly ({@link XmlNode}, XXE-safe); anything that goes
 * wrong is an {@link OqsResult}, never an exception. Nothing is logged.
 */
public final class OqsClient implements QualificationService, AutoCloseable {

    /** Tuning; defaults: 1 s per attempt, 3 s per call, 2 retries, backoff from 100 ms, breaker 3 failures / 5 s. */
    public static final class Builder {
        private final URI base;
        private Clock clock = Clock.systemUTC();
        private Duration connectTimeout = Duration.ofMillis(500);
        private Duration requestTimeout = Duration.ofSeconds(1);
        private Duration callTimeout = Duration.ofSeconds(3);
        private int maxRetries = 2;
        private Duration backoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(1);
        private CircuitBreaker.Config breaker = CircuitBreaker.Config.defaults();
        private long jitterSeed = 1;
        private Sleeper sleeper;
        private Timeline timeline = Timeline.REAL;

        private Builder(URI base) {
            String s = base.toString();
            this.base = URI.create(s.endsWith("/") ? s : s + "/");
        }

        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }
        public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }
        /** Deadline of one attempt, end to end: status line, headers and the whole body. */
        public Builder requestTimeout(Duration d) { this.requestTimeout = positive("requestTimeout", d); return this; }
        /** Deadline of a whole call: every attempt, backoff and Retry-After wait included. */
        public Builder callTimeout(Duration d) { this.callTimeout = positive("callTimeout", d); return this; }

        private static Duration positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
        /** Extra attempts for idempotent calls (0 = none). */
        public Builder maxRetries(int n) { this.maxRetries = Math.max(0, n); return this; }
        /** First backoff; doubled per retry, ±50 % jitter, capped at maxBackoff. */
        public Builder backoff(Duration first, Duration max) { this.backoff = first; this.maxBackoff = max; return this; }
        public Builder breaker(CircuitBreaker.Config config) { this.breaker = config; return this; }
        public Builder jitterSeed(long seed) { this.jitterSeed = seed; return this; }
        public Builder sleeper(Sleeper sleeper) { this.sleeper = sleeper; return this; }
        /**
         * Where deadlines are measured and waits happen (default: real time). A scenario's {@link
         * jp.mynadesk.time.VirtualTimeline} shared with its in-process mock service makes back-offs and time-outs
         * cost no real time; a {@link #sleeper} given as well still takes the back-offs.
         */
        public Builder timeline(Timeline timeline) { this.timeline = Objects.requireNonNull(timeline); return this; }

        public OqsClient build() {
            return new OqsClient(this);
        }
    }

    /** Waits between retries (tests may replace it). */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration d) throws InterruptedException;
    }

    private interface Decoder<T> {
        T decode(XmlNode root) throws OqsFormatException;
    }

    private final URI base;
    private final Clock clock;
    /** One for the client's life, so the CRL is fetched again only when it is no longer current (nextUpdate). */
    private final CrlRevocationSource revocation;
    private final Duration requestTimeout;
    private final Duration callTimeout;
    private final int maxRetries;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final CircuitBreaker breaker;
    private final Random jitter;
    private final Sleeper sleeper;
    private final Timeline timeline;
    private final HttpClient http;

    private OqsClient(Builder b) {
        this.base = b.base;
        this.clock = b.clock;
        this.revocation = new CrlRevocationSource(() -> crl().ok(), clock);
        this.requestTimeout = b.requestTimeout;
        this.callTimeout = b.callTimeout;
        this.maxRetries = b.maxRetries;
        this.backoff = b.backoff;
        this.maxBackoff = b.maxBackoff;
        this.breaker = new CircuitBreaker(b.breaker, b.clock);
        this.jitter = new Random(b.jitterSeed);
        this.timeline = b.timeline;
        this.sleeper = b.sleeper != null ? b.sleeper : b.timeline::sleep;
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // the body subscriber never blocks, so the client's internal steps can run on its selector thread:
                // saves two thread hand-offs per call (measured ~1.3x throughput on 2 cores)
                .executor(Runnable::run);
        if ("http".equalsIgnoreCase(base.getScheme())) {
            http.sslContext(new NoTlsContext()).sslParameters(NoTlsContext.parameters());
        }
        this.http = http.build();
    }

    public static Builder builder(URI base) {
        return new Builder(base);
    }

    public static OqsClient create(URI base, Clock clock) {
        return builder(base).clock(clock).build();
    }

    public URI base() {
        return base;
    }

    /** The TLS context the HTTP client was given (tests: an http:// client has none that works). */
    javax.net.ssl.SSLContext sslContext() {
        return http.sslContext();
    }

    /** The breaker's view of the service: CLOSED = online, OPEN = offline, HALF_OPEN = a probe is allowed. */
    public CircuitBreaker.State state() {
        return breaker.state();
    }

    @Override
    public boolean offline() {
        return breaker.offline();
    }

    // --- calls ------------------------------------------------------------------------------------

    /** A service path and the largest answer accepted from it. */
    private enum Endpoint {
        HEALTH("health", 64 * 1024),
        CHALLENGE("oqs/challenge", XmlNode.Limits.MESSAGE),
        CARD("oqs/card", XmlNode.Limits.MESSAGE),
        QUALIFICATION("oqs/qualification", XmlNode.Limits.MESSAGE),
        BATCH("oqs/batch", XmlNode.Limits.MESSAGE),
        BATCH_RESULT("oqs/batch/result", XmlNode.Limits.BATCH_RESULT),
        CONSENT("oqs/consent", XmlNode.Limits.MESSAGE),
        CRL("oqs/crl", 16 * 1024 * 1024);

        private final String path;
        private final int maxBytes;
        private final XmlNode.Limits limits;

        Endpoint(String path, int maxBytes) {
            this.path = path;
            this.maxBytes = maxBytes;
            this.limits = XmlNode.Limits.MESSAGE;
        }

        Endpoint(String path, XmlNode.Limits limits) {
            this.path = path;
            this.maxBytes = limits.maxBytes();
            this.limits = limits;
        }

        String path() { return path; }
        int maxBytes() { return maxBytes; }
        XmlNode.Limits limits() { return limits; }

        /** Answers whose size follows what the caller asked for (a batch), not the service's health. */
        boolean sizedForBatches() { return this == BATCH_RESULT; }
    }

    public OqsResult<String> health() {
        return send(Endpoint.HEALTH, null, true, bytes -> new OqsResult.Ok<>("OK"));
    }

    @Override
    public OqsResult<Challenge> challenge() {
        return call(Endpoint.CHALLENGE, new byte[0], true, OqsXml::readChallenge);
    }

    /** PIN or visual card check. Not retried: a challenge is single-use. */
    @Override
    public OqsResult<QualificationResponse> checkCard(CardCheckRequest request) {
        return call(Endpoint.CARD, OqsXml.write(request), false, OqsXml::readQualificationResponse);
    }

    /** 資格確認 by numbers (照会区分 2). */
    @Override
    public OqsResult<QualificationResponse> query(QualificationRequest request) {
        return call(Endpoint.QUALIFICATION, OqsXml.write(request), true, OqsXml::readQualificationResponse);
    }

    /** 一括照会 upload. Not retried: a repeat would create a second job. */
    @Override
    public OqsResult<BatchReception> submitBatch(BatchRequest request) {
        return call(Endpoint.BATCH, OqsXml.write(request), false, OqsXml::readBatchReception);
    }

    /** 一括照会 download; {@link BatchResult#processing()} means ask again later. */
    @Override
    public OqsResult<BatchResult> fetchBatch(BatchDownloadRequest request) {
        return call(Endpoint.BATCH_RESULT, OqsXml.write(request), true, OqsXml::readBatchResult);
    }

    @Override
    public OqsResult<ConsentReceipt> registerConsent(ConsentRequest request) {
        return call(Endpoint.CONSENT, OqsXml.write(request), false, OqsXml::readConsentReceipt);
    }

    /** The 利用者証明用 CA's current CRL (DER). */
    public OqsResult<byte[]> crl() {
        return send(Endpoint.CRL, null, true, OqsResult.Ok::new);
    }

    /** Revocation through the service's CRL, for {@link jp.mynadesk.pki.CertificateValidator}. */
    @Override
    public RevocationSource revocationSource() {
        return revocation;
    }

    // --- machinery --------------------------------------------------------------------------------

    private <T> OqsResult<T> call(Endpoint endpoint, byte[] body, boolean idempotent, Decoder<T> decoder) {
        return send(endpoint, body, idempotent, bytes -> decode(bytes, endpoint.limits(), decoder));
    }

    @SuppressWarnings("unchecked")
    private static <T> OqsResult<T> cast(OqsResult<?> r) {
        return (OqsResult<T>) r; // every non-Ok variant carries no T
    }

    private <T> OqsResult<T> decode(byte[] bytes, XmlNode.Limits limits, Decoder<T> decoder) {
        try {
            XmlNode root = XmlNode.parse(bytes, limits);
            MessageHeader header = OqsXml.readHeader(root);
            if (header.segmentOfResult() == SegmentOfResult.ABNORMAL) {
                return new OqsResult.Rejected<>(orUnknown(header.errorCode()), orUnknown(header.errorMessage()), 200);
            }
            return new OqsResult.Ok<>(decoder.decode(root));
        } catch (OqsFormatException e) {
            return new OqsResult.Malformed<>(e.getMessage());
        } catch (RuntimeException e) {
            OperationsLog.unexpected("oqs", "サービスの応答を読む途中で予期しないエラー（読めない応答として扱います）", e);
            return new OqsResult.Malformed<>("unreadable answer: " + e.getClass().getSimpleName());
        }
    }

    private static String orUnknown(String s) {
        return s == null ? "(none)" : s;
    }

    /** What one attempt gave; {@code tooLarge}: the answer exceeded the endpoint's size limit (not read further). */
    private record Attempt(OqsResult<byte[]> result, boolean tooLarge) {
        static Attempt of(OqsResult<byte[]> result) {
            return new Attempt(result, false);
        }
    }

    /**
     * Sends with deadline, retries and breaker. A 2xx body goes through {@code interpret}; a malformed answer counts
     * as a failed attempt like a timeout does. The whole call, retries and backoff included, ends by one deadline
     * ({@code callTimeout}).
     */
    private <T> OqsResult<T> send(Endpoint endpoint, byte[] body, boolean idempotent,
                                  java.util.function.Function<byte[], OqsResult<T>> interpret) {
        OqsResult<T> result = sendOnce(endpoint, body, idempotent, interpret);
        if (result != null) {
            // kept without the answer itself (personal data): only whether the service answered, and how it failed
            // a failed attempt is noted as it happens (below); the breaker failing fast says nothing new
            if (!result.serviceDown()) {
                lastFailure = null;
            } else if (lastFailure == null) {
                lastFailure = result;
            }
            lastAnswered = !result.serviceDown();
        }
        return result;
    }

    private volatile Boolean lastAnswered;
    private volatile OqsResult<?> lastFailure;

    /**
     * Whether the last call reached the service (it answered or refused), false when it did not, null before any
     * call. With {@link #state()} this is what a screen's status line follows: a 503 is seen at once, before the
     * breaker opens.
     */
    public Boolean lastCallAnswered() {
        return lastAnswered;
    }

    /** How the last call failed (timeout, refused, 5xx, maintenance, malformed, breaker open), or null. */
    public OqsResult<?> lastFailure() {
        return lastFailure;
    }

    private <T> OqsResult<T> sendOnce(Endpoint endpoint, byte[] body, boolean idempotent,
                                      java.util.function.Function<byte[], OqsResult<T>> interpret) {
        long deadline = timeline.nanoTime() + callTimeout.toNanos();
        int attempts = idempotent ? maxRetries + 1 : 1;
        OqsResult<T> last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            long left = deadline - timeline.nanoTime();
            if (left <= 0) {
                return last;
            }
            if (!breaker.tryAcquire()) {
                return breaker.offlineResult();
            }
            Attempt raw = attempt(endpoint, body, Duration.ofNanos(Math.min(left, requestTimeout.toNanos())));
            last = raw.result() instanceof OqsResult.Ok<byte[]> ok ? interpret.apply(ok.value()) : cast(raw.result());
            if (last.serviceDown()) {
                lastFailure = last;
            }
            if (last instanceof OqsResult.Ok || last instanceof OqsResult.Rejected) {
                breaker.onSuccess();
                return last;
            }
            if (raw.tooLarge() && endpoint.sizedForBatches()) {
                // the service answered, only more than this client holds: not a sign of an outage, so neither
                // retried nor counted against the service (unrelated calls stay online)
                breaker.release();
                return last;
            }
            if (breaker.onFailure(last.describe())) {
                return breaker.offlineResult();
            }
            if (attempt + 1 < attempts) {
                Duration wait = backoffFor(attempt);
                if (last instanceof OqsResult.Unavailable<T> u && u.retryAfter() != null) {
                    if (u.retryAfter().compareTo(maxBackoff) > 0) {
                        return last; // maintenance for longer than we would wait: report it now
                    }
                    wait = u.retryAfter();
                }
                if (wait.toNanos() >= deadline - timeline.nanoTime()) {
                    return last; // no time left for another attempt after the wait
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return last;
                }
            }
        }
        return last;
    }

    private Duration backoffFor(int attempt) {
        long base = backoff.toMillis() << Math.min(attempt, 16);
        double factor;
        synchronized (jitter) {
            factor = 0.5 + jitter.nextDouble();
        }
        return Duration.ofMillis(Math.min(maxBackoff.toMillis(), (long) (base * factor)));
    }

    /** One request, bounded end to end (headers and body) by {@code timeout} and in size by the endpoint's limit. */
    private Attempt attempt(Endpoint endpoint, byte[] body, Duration timeout) {
        // In virtual time the time-out is the timeline's; the HTTP client's own (real) one only catches a stuck service.
        HttpRequest.Builder rb = HttpRequest.newBuilder(base.resolve(endpoint.path()))
                .timeout(timeline.virtual() ? VirtualTimeline.REAL_PATIENCE.plus(timeout) : timeout);
        String exchange = timeline.newExchange();
        if (exchange != null) {
            rb.header(Timeline.EXCHANGE_HEADER, exchange);
        }
        if (body == null) {
            rb.GET();
        } else {
            rb.header("Content-Type", "application/xml; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        AtomicReference<BoundedBody> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(rb.build(), BoundedBody.handler(endpoint.maxBytes(), reading::set));
        HttpResponse<byte[]> response;
        try {
            response = timeline.awaitAnswer(exchange, pending, timeout);
        } catch (TimeoutException e) {
            abandon(pending, reading.get());
            return Attempt.of(new OqsResult.Unavailable<>(OqsResult.Reason.TIMEOUT,
                    "no complete answer within " + timeout.toMillis() + " ms", null));
        } catch (InterruptedException e) {
            abandon(pending, reading.get());
            Thread.currentThread().interrupt();
            return Attempt.of(new OqsResult.Unavailable<>(OqsResult.Reason.CONNECTION, "interrupted", null));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BoundedBody.TooLargeException tooLarge) {
                return new Attempt(new OqsResult.Malformed<>(tooLarge.getMessage()), true);
            }
            return Attempt.of(transportFailure(cause));
        }
        return Attempt.of(interpretStatus(response));
    }

    /** Stops a request that ran out of time: cancelling the exchange closes its connection, so nothing keeps reading. */
    private static void abandon(CompletableFuture<?> pending, BoundedBody body) {
        if (body != null) {
            body.abandon();
        }
        pending.cancel(true);
    }

    private static OqsResult<byte[]> interpretStatus(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        if (status >= 200 && status < 300) {
            if (bytes.length == 0) {
                return new OqsResult.Malformed<>("empty answer (HTTP " + status + ")");
            }
            return new OqsResult.Ok<>(bytes);
        }
        if (status >= 300 && status < 400) {
            // the service never redirects; a 3xx comes from a proxy or captive portal in the way, so the service is
            // not reachable (and the client does not follow it: certificates and patient data stay on this route)
            return new OqsResult.Unavailable<>(OqsResult.Reason.CONNECTION, "HTTP " + status + " redirect (a proxy in the way?)", null);
        }
        if (status == 503) {
            return new OqsResult.Unavailable<>(OqsResult.Reason.MAINTENANCE, "HTTP 503 (maintenance or overload)",
                    retryAfter(response).orElse(null));
        }
        if (status >= 500 || status < 200) {
            return new OqsResult.Unavailable<>(OqsResult.Reason.SERVER_ERROR, "HTTP " + status, retryAfter(response).orElse(null));
        }
        // 4xx: the service refused the request; prefer its own error code when it sent one
        try {
            MessageHeader h = OqsXml.readHeader(XmlNode.parse(bytes));
            if (h.segmentOfResult() == SegmentOfResult.ABNORMAL) {
                return new OqsResult.Rejected<>(orUnknown(h.errorCode()), orUnknown(h.errorMessage()), status);
            }
        } catch (OqsFormatException | RuntimeException ignored) {
            // not an OQS message: report the status
        }
        return new OqsResult.Rejected<>("HTTP" + status, "the service refused the request (HTTP " + status + ")", status);
    }

    private static OqsResult<byte[]> transportFailure(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new OqsResult.Unavailable<>(OqsResult.Reason.TIMEOUT, "timed out: " + cause.getMessage(), null);
        }
        if (cause instanceof ConnectException) {
            return new OqsResult.Unavailable<>(OqsResult.Reason.CONNECTION, "connection refused", null);
        }
        if (cause instanceof IOException) {
            return new OqsResult.Unavailable<>(OqsResult.Reason.CONNECTION,
                    "connection failed: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()), null);
        }
        return new OqsResult.Unavailable<>(OqsResult.Reason.CONNECTION, "transport failure: " + cause, null);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long s = Long.parseLong(v.strip());
                return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
            } catch (NumberFormatException e) {
                return Optional.empty(); // HTTP-date form: treat as unknown
            }
        });
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its selector thread would hold the JVM's exit up to 300 ms
        HttpClientStop.stop(http);
    }
}
