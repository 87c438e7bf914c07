package jp.mynadesk.oqs;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of an {@link OqsClient} whose service URL is {@code http://}: one that cannot make a TLS connection
 * at all. Without a context of its own, {@link java.net.http.HttpClient} takes {@link SSLContext#getDefault()} when it
 * is built, even for a plain-HTTP client, which installs the JSSE and JCE providers and reads the system trust store:
 * about 100 ms of a one-shot {@code check} with the class-data archive, 200 ms without it (JDK 17, C1 only). Such a
 * client only ever talks to its base URL ({@code base.resolve(path)}, redirects never followed), so it has no use for
 * TLS; should a TLS connection be attempted anyway, it fails ("no TLS") instead of being made with other settings.
 */
final class NoTlsContext extends SSLContext {
    NoTlsContext() {
        super(new Refusing(), null, "none");
    }

    /** With the context: {@code HttpClient} would otherwise ask the context for its defaults. */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private static final class Refusing extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("no TLS: this client is for an http:// service");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
