package jp.mynadesk.virtualcard.vpcd;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jdk.net.ExtendedSocketOptions;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.virtualcard.EmulatedCard;

/**
 * Puts an {@link EmulatedCard} into the vsmartcard "vpcd" reader of a real pcscd, so that any PC/SC client
 * (javax.smartcardio, opensc-tool, pcsc_scan) talks to it as to a chip in a reader.
 *
 * <p>vpcd listens; the bridge connects to it as the card (TCP client). Every message both ways is a 2-byte
 * big-endian length and a payload. From vpcd, a 1-byte payload is a control byte ({@code 00} power off,
 * {@code 01} power on, {@code 02} reset: no reply; {@code 04} get ATR: reply with the ATR) and a longer
 * payload is a command APDU (reply with the response APDU).
 *
 * <p><b>Removal is modelled by closing the connection</b>, and the bridge stays disconnected until a card is
 * inserted again. Measured with Debian 12's pcscd 1.9.9 + vsmartcard-vpcd 3.3: pcscd reports the card absent
 * within one poll (~0.4 s), an open handle's next transmit fails with {@code SCARD_W_REMOVED_CARD}, and a
 * card connecting again is seen within one poll. The protocol's other way, answering "get ATR" with a
 * zero-length ATR, wedges that vpcd: it stops polling, pcscd never reports the card absent, and each
 * transmit hangs for a minute or more before failing with {@code SCARD_E_NOT_TRANSACTED} (only closing the
 * socket frees the slot). So the bridge never sends an empty ATR.
 *
 * <p>After a removal the bridge stays away for at least {@link #MIN_ABSENCE} before it connects with the
 * next card (re-insert or {@link #switchCard}). pcscd must poll the slot while it is empty, or it never
 * reports a removal: when an application's transmit hits the dead socket first (it fails with
 * {@code SCARD_E_NOT_TRANSACTED}), vpcd drops that socket and, at the next poll, accepts a waiting new
 * connection straight away; pcscd then sees "present, present", and an old card handle silently talks to the
 * new card (observed with an immediate reconnect). pcscd polls every ~0.4 s, so 1 s covers one full poll.
 *
 * <p>Latency: Debian's vpcd writes the length and the payload with two {@code send()} calls and without
 * TCP_NODELAY, so Nagle holds the payload until the card ACKs the length, and Linux delays that ACK by
 * ~40 ms. Re-arming {@code TCP_QUICKACK} before every read (the kernel clears it) and writing each reply in
 * one {@code write()} brings an APDU round trip from ~44 ms down to ~0.1 ms.
 *
 * <p>The bridge runs on its own daemon thread, which alone touches the card; {@link #insert}, {@link #remove},
 * {@link #switchCard} and {@link #close} may be called from any thread at any time. When the connection drops
 * while a card is inserted (pcscd restarted, not yet up), the bridge reconnects with a bounded exponential
 * backoff.
 */
public final class VpcdBridge implements AutoCloseable {

    static final Duration MIN_BACKOFF = Duration.ofMillis(50);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
    /** A failed-connect streak is reported on its first attempt and then every this many (about every 10 s). */
    static final int REPORT_EVERY = 10;
    /** How long a removed card stays out before the next one goes in: longer than one pcscd poll (~0.4 s). */
    public static final Duration MIN_ABSENCE = Duration.ofSeconds(1);
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private static final byte POWER_OFF = 0x00;
    private static final byte POWER_ON = 0x01;
    private static final byte RESET = 0x02;
    private static final byte GET_ATR = 0x04;
    /** SW 6F00 "no precise diagnosis": what a chip answers when it fails internally. */
    private static final byte[] SW_INTERNAL_ERROR = {0x6F, 0x00};

    private final VpcdAddress address;
    private final Consumer<VpcdEvent> listener;
    private final long minAbsenceNanos;
    private final Waits waits;
    private final Thread thread;

    private final Object lock = new Object();
    /** The card in the slot, or null when the slot is empty. Guarded by {@link #lock}. */
    private EmulatedCard card;
    /** The live connection, so that another thread can cut it. Guarded by {@link #lock}. */
    private Socket socket;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** System.nanoTime() before which no new connection may be made (see {@link #MIN_ABSENCE}). Guarded by {@link #lock}. */
    private long absentUntil;
    private boolean started;

    private volatile boolean connected;
    private volatile boolean powered;
    private final AtomicLong apduCount = new AtomicLong();
    private final AtomicLong connectionCount = new AtomicLong();

    /** A bridge to vpcd at {@code address}; events go to {@code listener} on the bridge thread. */
    public VpcdBridge(VpcdAddress address, Consumer<VpcdEvent> listener) {
        this(address, listener, MIN_ABSENCE);
    }

    /** Unit tests against a fake vpcd shorten the absence; a real pcscd needs {@link #MIN_ABSENCE}. */
    VpcdBridge(VpcdAddress address, Consumer<VpcdEvent> listener, Duration minAbsence) {
        this(address, listener, minAbsence, Waits.REAL);
    }

    /** Tests give the bridge virtual time: the absence and the backoff are then waited without the wall clock. */
    VpcdBridge(VpcdAddress address, Consumer<VpcdEvent> listener, Duration minAbsence, Waits waits) {
        this.address = Objects.requireNonNull(address, "address");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.minAbsenceNanos = minAbsence.toNanos();
        this.waits = Objects.requireNonNull(waits, "waits");
        this.absentUntil = waits.nanoTime();
        this.thread = new Thread(this::run, "vpcd-bridge-" + address);
        this.thread.setDaemon(true);
    }

    /** A bridge to vpcd at {@code address} without a listener. */
    public VpcdBridge(VpcdAddress address) {
        this(address, event -> { });
    }

    /** Starts the bridge thread. The slot stays empty until {@link #insert}. */
    public VpcdBridge start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("bridge is closed");
            }
            if (!started) {
                started = true;
                thread.start();
            }
        }
        return this;
    }

    /**
     * Puts {@code newCard} into the empty slot; the bridge connects and pcscd sees it within one poll
     * (after {@link #MIN_ABSENCE} since the last removal).
     */
    public void insert(EmulatedCard newCard) {
        Objects.requireNonNull(newCard, "card");
        synchronized (lock) {
            requireOpen();
            if (card != null) {
                throw new IllegalStateException("a card is already in the reader; remove it first or use switchCard");
            }
            card = newCard;
            lock.notifyAll();
        }
    }

    /** Takes the card out: the connection is closed and pcscd sees the slot empty. No-op when already empty. */
    public void remove() {
        synchronized (lock) {
            if (card != null) {
                absentUntil = waits.nanoTime() + minAbsenceNanos;
            }
            card = null;
            cutConnection();
        }
    }

    /**
     * Replaces whatever is in the slot (possibly nothing) with {@code newCard}; pcscd sees a removal, then,
     * after {@link #MIN_ABSENCE}, an insertion.
     */
    public void switchCard(EmulatedCard newCard) {
        Objects.requireNonNull(newCard, "card");
        synchronized (lock) {
            requireOpen();
            if (card != null) {
                absentUntil = waits.nanoTime() + minAbsenceNanos;
            }
            card = newCard;
            cutConnection();
        }
    }

    /** The card in the slot, if any. */
    public Optional<EmulatedCard> card() {
        synchronized (lock) {
            return Optional.ofNullable(card);
        }
    }

    public VpcdAddress address() {
        return address;
    }

    /** True while vpcd talks to the bridge (it has sent at least one message on the current connection). */
    public boolean isConnected() {
        return connected;
    }

    /** True between pcscd's power-on (or reset) and its power-off or the card's removal. */
    public boolean isPowered() {
        return powered;
    }

    /** Command APDUs processed since the bridge was created. */
    public long apduCount() {
        return apduCount.get();
    }

    /** Connections on which vpcd has spoken since the bridge was created (each one is a card insertion for pcscd). */
    public long connectionCount() {
        return connectionCount.get();
    }

    /** Waits until vpcd talks to the bridge; false on timeout. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connected) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Removes the card, stops the thread and waits briefly for it. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            card = null;
            cutConnection();
        }
        if (thread.isAlive() && Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("bridge is closed");
        }
    }

    /** Closes the live socket so the bridge thread's blocking read ends; caller holds the lock. */
    private void cutConnection() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
        }
        lock.notifyAll();
    }

    private void run() {
        long backoffMillis = MIN_BACKOFF.toMillis();
        int failedConnects = 0;
        while (true) {
            EmulatedCard serving;
            synchronized (lock) {
                while (!closed && card == null) {
                    if (!waitOnLock(0)) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                long wait = absentUntil - waits.nanoTime();
                if (wait > 0) {
                    if (!waitOnLock(Math.max(1, wait / 1_000_000))) {   // woken early by insert/remove/close: re-check
                        return;
                    }
                    continue;
                }
                serving = card;
            }
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_TIMEOUT_MILLIS);
                failedConnects = 0;
            } catch (IOException e) {
                closeQuietly(s);
                failedConnects++;
                if (failedConnects % REPORT_EVERY == 1) {
                    emit(new VpcdEvent.ConnectFailed(address.host(), address.port(),
                            e.getMessage() == null ? "応答がありません" : e.getMessage(), failedConnects));
                }
                if (!backOff(backoffMillis)) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                continue;
            }
            synchronized (lock) {
                if (closed || card != serving) {
                    closeQuietly(s);
                    continue;
                }
                socket = s;
            }
            VpcdEvent.Disconnected.Cause cause;
            String detail = null;
            long connectionsBefore = connectionCount.get();
            try {
                serve(s, serving);
                cause = VpcdEvent.Disconnected.Cause.VPCD_CLOSED;
            } catch (IOException e) {
                cause = VpcdEvent.Disconnected.Cause.CONNECTION_LOST;
                detail = e.getMessage();
            } finally {
                synchronized (lock) {
                    if (socket == s) {
                        socket = null;
                    }
                }
                closeQuietly(s);
            }
            boolean spoke = connectionCount.get() != connectionsBefore;
            boolean removedHere;
            synchronized (lock) {
                removedHere = closed || card != serving;
            }
            if (removedHere) {
                cause = VpcdEvent.Disconnected.Cause.CARD_REMOVED;
                detail = null;
            }
            if (powered) {
                powered = false;
                serving.powerOff();        // a card pulled out of the reader loses power
                emit(new VpcdEvent.PoweredOff());
            }
            if (spoke) {
                connected = false;
                emit(new VpcdEvent.Disconnected(cause, detail));
            }
            if (removedHere) {
                backoffMillis = MIN_BACKOFF.toMillis();
                continue;
            }
            if (spoke) {
                backoffMillis = MIN_BACKOFF.toMillis();
            }
            if (!backOff(backoffMillis)) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        }
    }

    /**
     * Answers vpcd on one connection until it ends. Returns normally on end of stream; a close from another
     * thread surfaces as an IOException.
     */
    private void serve(Socket s, EmulatedCard serving) throws IOException {
        s.setTcpNoDelay(true);
        boolean quickAck = s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        OutputStream out = s.getOutputStream();
        boolean spoke = false;
        while (true) {
            if (quickAck) {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);   // the kernel clears it after each send
            }
            int length;
            try {
                length = in.readUnsignedShort();
            } catch (EOFException e) {
                return;
            }
            byte[] message = new byte[length];
            in.readFully(message);
            if (!spoke) {
                spoke = true;
                connected = true;
                connectionCount.incrementAndGet();
                emit(new VpcdEvent.Connected(address.host(), address.port()));
            }
            if (length == 1) {
                control(message[0], serving, out);
            } else if (length > 1) {
                byte[] response = respond(serving, message);
                apduCount.incrementAndGet();
                if (serving.takeFault().isPresent()) {
                    // vpcd cannot carry a PC/SC error code: every fault reaches pcscd as the card leaving the slot.
                    remove();
                    return;
                }
                send(out, response);
                emit(new VpcdEvent.Apdu(message, response));
            }
        }
    }

    private void control(byte code, EmulatedCard serving, OutputStream out) throws IOException {
        switch (code) {
            case POWER_OFF -> {
                serving.powerOff();
                powered = false;
                emit(new VpcdEvent.PoweredOff());
            }
            case POWER_ON -> {
                serving.powerOn();
                powered = true;
                emit(new VpcdEvent.PoweredOn());
            }
            case RESET -> {
                serving.reset();
                powered = true;
                emit(new VpcdEvent.Reset());
            }
            case GET_ATR -> send(out, serving.atr());
            default -> {
                // Not in the protocol; vpcd expects no reply to anything but 04.
            }
        }
    }

    private static byte[] respond(EmulatedCard serving, byte[] command) {
        byte[] response;
        try {
            response = serving.process(command);
        } catch (RuntimeException e) {
            return SW_INTERNAL_ERROR.clone();   // EmulatedCard promises not to throw; keep the reader alive if one does
        }
        if (response == null || response.length < 2 || response.length > 0xFFFF) {
            return SW_INTERNAL_ERROR.clone();
        }
        return response;
    }

    /** Length and payload in ONE write, so the reply leaves in one segment. */
    private static void send(OutputStream out, byte[] payload) throws IOException {
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    /** Sleeps before a reconnect; wakes early on insert/remove/switch/close. False when closed. */
    private boolean backOff(long millis) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            return waitOnLock(millis) && !closed;
        }
    }

    /** Caller holds the lock. False when interrupted (the thread then ends). */
    private boolean waitOnLock(long millis) {
        try {
            if (millis == 0) {
                lock.wait();                // until insert/remove/close: no time involved
            } else {
                waits.await(lock, millis);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void emit(VpcdEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // A narrating listener must not be able to pull the card out of the reader.
            OperationsLog.unexpected("virtualcard", "vpcd の経過表示で予期しないエラー", e);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * How the bridge tells time and waits with a time-out: the absence after a removal and the reconnect backoff.
     * {@link #REAL} is the wall clock; a test's virtual clock lets it see a 1 s wait without spending it.
     */
    interface Waits {
        /** Now, as {@link System#nanoTime()}. */
        long nanoTime();

        /** Waits on {@code lock} (held by the caller) until notified or {@code millis} (more than 0) have passed. */
        void await(Object lock, long millis) throws InterruptedException;

        Waits REAL = new Waits() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void await(Object lock, long millis) throws InterruptedException {
                lock.wait(millis);
            }
        };
    }
}
