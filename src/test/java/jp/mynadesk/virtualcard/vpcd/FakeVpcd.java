package jp.mynadesk.virtualcard.vpcd;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The pcscd side of the vpcd protocol, in-JVM: listens on an ephemeral loopback port, accepts the bridge
 * (one client at a time, like vpcd) and drives it with control bytes and APDUs.
 */
final class FakeVpcd implements AutoCloseable {

    private final int port;
    private ServerSocket server;
    private Socket client;
    private DataInputStream in;
    private OutputStream out;

    FakeVpcd() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
    }

    VpcdAddress address() {
        return new VpcdAddress(InetAddress.getLoopbackAddress().getHostAddress(), port);
    }

    /** Waits for the bridge to connect; false on timeout. */
    boolean accept(int timeoutMillis) throws IOException {
        server.setSoTimeout(timeoutMillis);
        try {
            client = server.accept();
        } catch (SocketTimeoutException e) {
            return false;
        }
        client.setTcpNoDelay(true);
        client.setSoTimeout(2000);
        in = new DataInputStream(client.getInputStream());
        out = client.getOutputStream();
        return true;
    }

    void send(byte... payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    byte[] receive() throws IOException {
        int length = in.readUnsignedShort();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    byte[] getAtr() throws IOException {
        send((byte) 0x04);
        return receive();
    }

    byte[] transmit(byte[] command) throws IOException {
        send(command);
        return receive();
    }

    /** True when the bridge closed its end within the timeout (end of stream). */
    boolean clientClosed(int timeoutMillis) throws IOException {
        client.setSoTimeout(timeoutMillis);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;   // connection reset also means gone
        } finally {
            client.setSoTimeout(2000);
        }
    }

    /** pcscd going away: drop the client and stop listening. */
    void stop() throws IOException {
        dropClient();
        server.close();
    }

    /** pcscd coming back on the same port. */
    void restart() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5);
    }

    void dropClient() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

}
