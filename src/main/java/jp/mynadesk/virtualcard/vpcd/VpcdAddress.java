package jp.mynadesk.virtualcard.vpcd;

/**
 * Where the vpcd reader driver inside pcscd listens for its card. Slot 0 ("Virtual PCD 00 00") is port
 * 35963 and slot 1 ("Virtual PCD 00 01") is 35964 in Debian's default {@code /etc/reader.conf.d/vpcd}.
 */
public record VpcdAddress(String host, int port) {

    public static final int DEFAULT_PORT = 35963;
    public static final VpcdAddress DEFAULT = new VpcdAddress("127.0.0.1", DEFAULT_PORT);

    public VpcdAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("vpcd host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("vpcd port out of range: " + port);
        }
    }

    /** Parses {@code HOST:PORT}, {@code HOST} (default port) or {@code :PORT} (default host); IPv6 as {@code [::1]:PORT}. */
    public static VpcdAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("vpcd address is empty; expected HOST:PORT, e.g. 127.0.0.1:35963");
        }
        String host;
        String port;
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("vpcd address '" + text + "': missing ']'");
            }
            host = s.substring(1, end);
            String rest = s.substring(end + 1);
            port = rest.startsWith(":") ? rest.substring(1) : rest;
        } else {
            int colon = s.lastIndexOf(':');
            host = colon < 0 ? s : s.substring(0, colon);
            port = colon < 0 ? "" : s.substring(colon + 1);
        }
        if (host.isEmpty()) {
            host = DEFAULT.host();
        }
        if (port.isEmpty()) {
            return new VpcdAddress(host, DEFAULT_PORT);
        }
        try {
            return new VpcdAddress(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vpcd address '" + text + "': port is not a number", e);
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
