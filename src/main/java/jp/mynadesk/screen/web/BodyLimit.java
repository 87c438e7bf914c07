package jp.mynadesk.screen.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.format.JsonText;

/**
 * Every request body bounded however it is framed (docs/WEB.md §1.2): a declared {@code Content-Length} above the
 * path's limit is refused with 413 before a byte is read; a chunked (or unframed) body is read through a stream
 * that throws {@link TooLarge} on the first byte beyond the limit, which the desk answers with 413. Either way the
 * answer is committed with {@code Connection: close} before Jetty would drain the rest of the body, so the rest is
 * never read. Limits are in {@link WebLimits}.
 */
final class BodyLimit implements Filter {
    /** A body longer than its path allows (mapped to 413 by the desk). */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(StaffText.requestTooLarge(), null, false, false);
        }
    }

    /** The limit of the body sent to {@code path}. */
    static long limitFor(String path) {
        if (path.startsWith("/api/patient/")) {
            return WebLimits.PATIENT_BODY_BYTES;
        }
        if (path.equals("/api/staff/scan")) {
            return WebLimits.SCAN_BODY_BYTES;
        }
        return WebLimits.BODY_BYTES;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        long limit = limitFor(req.getRequestURI());
        if (req.getContentLengthLong() > limit) {
            refuse((HttpServletResponse) response);
            return;
        }
        Bounded bounded = new Bounded(req, limit);
        chain.doFilter(bounded, response);
        HttpServletResponse res = (HttpServletResponse) response;
        if (!req.isAsyncStarted() && !res.isCommitted() && bounded.unboundedRest()) {
            // Jetty would otherwise drain what is left of a chunked body before answering (HttpChannel's
            // ensureConsumeAllOrNotPersistent reads as long as bytes keep coming): answer now and close instead.
            res.setHeader("Connection", "close");
            res.flushBuffer();
        }
    }

    /** 413 with the desk's error shape; the connection closes instead of reading the rest. */
    static void refuse(HttpServletResponse res) throws IOException {
        res.setStatus(413);
        res.setHeader("Connection", "close");
        res.setContentType("application/json; charset=utf-8");
        byte[] json = JsonText.compact(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("code", "too-large").put("message", StaffText.requestTooLarge())).getBytes(StandardCharsets.UTF_8);
        res.setContentLength(json.length);
        res.getOutputStream().write(json); // the whole answer: committed, so Jetty closes rather than read the body
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream in;

        Bounded(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        /**
         * Whether a body without a declared length is not read to its end. A declared length is at most the limit
         * (checked above), so Jetty reading the rest of it reads at most that; a chunked rest has no end.
         */
        boolean unboundedRest() {
            if (getContentLengthLong() >= 0 || getHeader("Transfer-Encoding") == null) {
                return false;
            }
            return in == null || !((LimitedStream) in).finished();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new LimitedStream(super.getInputStream(), limit);
            }
            return in;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String cs = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), cs));
        }
    }

    /** Counts what is read and throws on the first byte past the limit (so at most limit + 1 bytes are read). */
    static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        long bytesRead() {
            return read;
        }

        /** The body was read to its end (and was within the limit). */
        boolean finished() {
            return read <= limit && in.isFinished();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            // Never ask for more than one byte past the limit, so a huge read cannot pull in more.
            int n = in.read(buf, off, (int) Math.min(len, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
