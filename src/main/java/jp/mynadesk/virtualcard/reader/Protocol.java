package jp.mynadesk.virtualcard.reader;

/** The active protocol of a connection, with the label {@code Card.getProtocol()} reports. */
enum Protocol {
    T0("T=0"),
    T1("T=1"),
    /** A direct (reader-control) connection; APDUs cannot be sent on it. */
    DIRECT("direct");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * Maps a {@code connect} argument as SunPCSC's {@code CardImpl} does: {@code "*"} means whatever the reader
     * speaks, the others are case-insensitive.
     *
     * @throws IllegalArgumentException for anything else ("Unsupported protocol ...", SunPCSC's message)
     */
    static Protocol requested(String protocol, Protocol readerProtocol) {
        if (protocol.equals("*")) {
            return readerProtocol;
        }
        for (Protocol p : values()) {
            if (p.label.equalsIgnoreCase(protocol)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unsupported protocol " + protocol);
    }
}
