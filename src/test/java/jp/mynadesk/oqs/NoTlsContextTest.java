package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** A client of an http:// service gets a TLS context that makes no connection; an https:// one the default. */
class NoTlsContextTest {
    @Test
    void aPlainHttpClientHasNoWorkingTls() throws Exception {
        try (OqsClient http = OqsClient.create(URI.create("http://127.0.0.1:9/"), Clock.systemUTC());
             OqsClient upper = OqsClient.create(URI.create("HTTP://127.0.0.1:9/"), Clock.systemUTC());
             OqsClient https = OqsClient.create(URI.create("https://127.0.0.1:9/"), Clock.systemUTC())) {
            assertInstanceOf(NoTlsContext.class, http.sslContext());
            assertInstanceOf(NoTlsContext.class, upper.sslContext());
            assertSame(SSLContext.getDefault(), https.sslContext());
        }
    }

    @Test
    void theContextRefusesEveryTlsUse() {
        NoTlsContext context = new NoTlsContext();
        assertThrows(IllegalStateException.class, context::createSSLEngine);
        assertThrows(IllegalStateException.class, () -> context.createSSLEngine("127.0.0.1", 443));
        assertThrows(IllegalStateException.class, context::getSocketFactory);
        assertThrows(IllegalStateException.class, context::getClientSessionContext);
        assertThrows(IllegalStateException.class, () -> context.init(null, null, null));
    }

    @Test
    void anHttpsRequestThroughItIsNeverMade() {
        HttpClient client = HttpClient.newBuilder().sslContext(new NoTlsContext())
                .sslParameters(NoTlsContext.parameters()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:9/")).build();
        Exception e = assertThrows(Exception.class, () -> client.send(request, HttpResponse.BodyHandlers.discarding()));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(IllegalStateException.class, cause, e.toString());
    }
}
