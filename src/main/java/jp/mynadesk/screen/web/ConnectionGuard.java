package jp.mynadesk.screen.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnection;

/**
 * The connections of the desk's one Jetty connector (docs/WEB.md §1.4), added to it as a bean so that Jetty
 * reports every connection opened and closed:
 * <ul>
 *   <li>connections from other machines are capped ({@link WebLimits#LAN_CONNECTIONS} in all,
 *       {@link WebLimits#LAN_CONNECTIONS_PER_ADDRESS} per address); one beyond is closed as soon as it opens.
 *       Connections from this machine (the staff page) are not counted, so a flood from the LAN never holds the
 *       staff's requests back. Jetty's own {@code ConnectionLimit} stops accepting on the whole connector, which
 *       would shut the staff out too, hence this;</li>
 *   <li>a request header must be complete within {@link WebLimits#HEADER_TIMEOUT} of the connection opening or
 *       the previous answer (Jetty 11 has no header time-out, and its idle time-out restarts with every byte, so a
 *       header trickled a byte at a time would hold a connection for ever); from another machine the body too
 *       (only the small patient bodies are allowed from there). Connections are looked at every
 *       {@link WebLimits#HEADER_SWEEP}; time is read from the desk's clock.</li>
 * </ul>
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
    private static final class Tracked {
        final String lanAddress;
        Instant waitingSince;
        long requestsSeen;

        Tracked(String lanAddress, Instant openedAt) {
            this.lanAddress = lanAddress;
            this.waitingSince = openedAt;
        }
    }

    private final Clock clock;
    private final Map<Connection, Tracked> tracked = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int lan;
    private long refused;
    private long timedOut;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mynadesk-web-headers");
        t.setDaemon(true);
        return t;
    });

    ConnectionGuard(Clock clock) {
        this.clock = clock;
        long every = WebLimits.HEADER_SWEEP.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        String lanAddress = lanAddress(connection.getEndPoint().getRemoteSocketAddress());
        if (lanAddress != null && !take(lanAddress)) {
            connection.getEndPoint().close();
            return;
        }
        tracked.put(connection, new Tracked(lanAddress, clock.instant()));
    }

    @Override
    public void onClosed(Connection connection) {
        Tracked t = tracked.remove(connection);
        if (t != null && t.lanAddress != null) {
            give(t.lanAddress);
        }
    }

    /** Connections from other machines open now. */
    synchronized int lanConnections() {
        return lan;
    }

    /** Connections from other machines closed at once for being over the cap, since the start. */
    synchronized long refused() {
        return refused;
    }

    /** Connections closed for a request header not complete in time, since the start. */
    synchronized long timedOut() {
        return timedOut;
    }

    private synchronized boolean take(String address) {
        int here = perAddress.getOrDefault(address, 0);
        if (lan >= WebLimits.LAN_CONNECTIONS || here >= WebLimits.LAN_CONNECTIONS_PER_ADDRESS) {
            refused++;
            return false;
        }
        lan++;
        perAddress.put(address, here + 1);
        return true;
    }

    private synchronized void give(String address) {
        lan--;
        int here = perAddress.getOrDefault(address, 1) - 1;
        if (here <= 0) {
            perAddress.remove(address);
        } else {
            perAddress.put(address, here);
        }
    }

    /** Closes every connection whose request header is overdue. */
    void sweep() {
        Instant now = clock.instant();
        for (Map.Entry<Connection, Tracked> e : tracked.entrySet()) {
            if (!(e.getKey() instanceof HttpConnection c)) {
                continue;
            }
            Tracked t = e.getValue();
            // Before or inside a request header; from another machine, inside its body as well.
            boolean waiting = c.getParser().inHeaderState() || (t.lanAddress != null && c.getParser().inContentState());
            long requests = c.getMessagesIn(); // complete request headers so far
            if (requests != t.requestsSeen) {
                t.requestsSeen = requests;
                t.waitingSince = waiting ? now : null;
            } else if (!waiting) {
                t.waitingSince = null;
            } else if (t.waitingSince == null) {
                t.waitingSince = now;
            }
            if (t.waitingSince != null && !now.isBefore(t.waitingSince.plus(WebLimits.HEADER_TIMEOUT))) {
                synchronized (this) {
                    timedOut++;
                }
                c.getEndPoint().close();
            }
        }
    }

    /** The address of a peer on another machine, or null for this machine (loopback) and unknown peers. */
    private static String lanAddress(SocketAddress remote) {
        if (remote instanceof InetSocketAddress a && a.getAddress() != null && !a.getAddress().isLoopbackAddress()) {
            return a.getAddress().getHostAddress();
        }
        return null;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
