package jp.mynadesk.screen.web;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * Jetty (11, under Javalin 6) set up with the limits of {@link WebLimits} (docs/WEB.md §1): the desk's one
 * connector made here rather than by Javalin, with its idle time-out and {@link ConnectionGuard} attached;
 * {@link BodyLimit} in front of every request; {@link StreamLimit} hears every request end.
 */
final class WebServerLimits {
    private WebServerLimits() {}

    static void apply(JavalinConfig config, String host, int port, ConnectionGuard connections, StreamLimit streams) {
        config.http.maxRequestSize = WebLimits.BODY_BYTES;
        // Not Jetty's setMinRequestDataRate: it measures from the request's start, server-side queueing included,
        // and refused small bodies of a busy desk with 408 (9 in 10,000 under the pairing flood of PairingTest).
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(WebLimits.HEADER_BYTES));
        config.jetty.addConnector((server, http) -> {
            ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
            c.setHost(host);
            c.setPort(port);
            c.setIdleTimeout(WebLimits.IDLE_TIMEOUT.toMillis());
            c.addBean(connections); // a Connection.Listener bean hears every connection of this connector
            return c;
        });
        config.jetty.modifyServletContextHandler(h -> {
            h.addFilter(new FilterHolder(new BodyLimit()), "/*", EnumSet.of(DispatcherType.REQUEST));
            h.addEventListener(streams.requestListener());
        });
    }
}
