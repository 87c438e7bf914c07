package jp.mynadesk.oqs;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an HTTP answer's body up to a byte limit and gives up as soon as it is exceeded (by the declared
 * Content-Length or by what arrives), so an endless or huge answer costs at most {@code limit} bytes of heap.
 * {@link #abandon()} stops reading, e.g. when the call's deadline passed while the body was still trickling in.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer exceeded the limit; the rest was not read. */
    static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("answer larger than " + limit + " bytes");
        }
    }

    private final int limit;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buffer = new byte[0];
    private int size;
    private volatile Flow.Subscription subscription;

    private BoundedBody(int limit, long declared) {
        this.limit = limit;
        this.declared = declared;
    }

    /** A body handler whose subscribers are bounded by {@code limit}; {@code last} receives each one made. */
    static HttpResponse.BodyHandler<byte[]> handler(int limit, java.util.function.Consumer<BoundedBody> last) {
        return info -> {
            BoundedBody body = new BoundedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
            last.accept(body);
            return body;
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limit) {
            fail(new TooLargeException(limit));
            return;
        }
        s.request(Long.MAX_VALUE); // the limit, not back-pressure, bounds the memory
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if ((long) size + n > limit) {
                fail(new TooLargeException(limit));
                return;
            }
            if (size + n > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(size + n, 2L * buffer.length + 8192)));
            }
            b.get(buffer, size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(java.util.Arrays.copyOf(buffer, size));
        buffer = null;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading and releases the buffer. */
    void abandon() {
        fail(new IOException("abandoned"));
    }

    private void fail(IOException why) {
        result.completeExceptionally(why);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
