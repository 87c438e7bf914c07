package jp.mynadesk.virtualcard.reader;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import jp.mynadesk.time.Timeline;

/**
 * A set of virtual readers, behaving as SunPCSC's {@code PCSCTerminals}; readers come and go with {@link #plug} and
 * {@link #unplug}.
 *
 * <p>{@link #waitForChange} keeps SunPCSC's state database: until it is first called, {@code CARD_INSERTION} and
 * {@code CARD_REMOVAL} mean {@code CARD_PRESENT} and {@code CARD_ABSENT}; afterwards they report what changed
 * between the last two returns of {@code waitForChange}. A change is a card inserted or removed (even both, which
 * reports neither, as pcsc-lite's event counter does) or a reader plugged or unplugged. Unlike SunPCSC,
 * {@code list} does not block while another thread waits, and a reader plugged during a wait wakes it.
 *
 * <p>Waiting uses one lock and condition signalled by every change, so there is no polling; the reader list is a
 * {@link CopyOnWriteArrayList} so {@code list} never blocks on card I/O.
 */
public final class VirtualTerminals extends CardTerminals {

    /** One reader's entry in the state database: presence at the previous and at the last waitForChange. */
    private record ReaderState(boolean wasPresent, CardSlot.Observation now) {
        boolean insertion() {
            return !wasPresent && now.present();
        }

        boolean removal() {
            return wasPresent && !now.present();
        }
    }

    private final TerminalOptions defaults;
    private final VirtualPcscProvider provider = new VirtualPcscProvider();
    private final CopyOnWriteArrayList<VirtualTerminal> readers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition change = lock.newCondition();
    private Map<VirtualTerminal, ReaderState> known; // guarded by lock; null until the first waitForChange
    private final Timeline timeline;

    public VirtualTerminals() {
        this(TerminalOptions.DEFAULT);
    }

    /** @param defaults the options of readers plugged with {@link #plug(String)} */
    public VirtualTerminals(TerminalOptions defaults) {
        this(defaults, Timeline.REAL);
    }

    /**
     * @param timeline where timed waits for a change happen; on a virtual one (a scenario, whose cards only the
     *                 scenario's own thread moves) a wait for a change that has not happened ends at once at its
     *                 time-out, the time-out having passed on the timeline
     */
    public VirtualTerminals(TerminalOptions defaults, Timeline timeline) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
    }

    /** The timeline the readers' timed waits (and a reader profile's latency) use. */
    public Timeline timeline() {
        return timeline;
    }

    /** A {@code TerminalFactory} of type "PC/SC" over these readers, without registering any provider. */
    public TerminalFactory factory() {
        try {
            return TerminalFactory.getInstance(VirtualTerminalFactorySpi.TYPE, this, provider);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The virtual PC/SC provider cannot be instantiated", e);
        }
    }

    public VirtualTerminal plug(String name) {
        return plug(name, defaults);
    }

    /** @throws IllegalArgumentException if a reader of that name is already plugged */
    public VirtualTerminal plug(String name, TerminalOptions options) {
        VirtualTerminal terminal = new VirtualTerminal(name, options, this);
        lock.lock();
        try {
            if (find(name).isPresent()) {
                throw new IllegalArgumentException("A reader named '" + name + "' is already plugged");
            }
            readers.add(terminal);
            change.signalAll();
        } finally {
            lock.unlock();
        }
        return terminal;
    }

    /**
     * Unplugs a reader: its card is powered off, its {@code Card}s and the terminal object itself then fail with
     * {@code SCARD_E_READER_UNAVAILABLE}. Plugging the same name again gives a new terminal object.
     *
     * @return false if no reader of that name was plugged
     */
    public boolean unplug(String name) {
        lock.lock();
        try {
            Optional<VirtualTerminal> terminal = find(name);
            terminal.ifPresent(t -> {
                readers.remove(t);
                t.unplug();
                change.signalAll();
            });
            return terminal.isPresent();
        } finally {
            lock.unlock();
        }
    }

    public Optional<VirtualTerminal> find(String name) {
        return readers.stream().filter(t -> t.getName().equals(name)).findFirst();
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
        Objects.requireNonNull(state, "state");
        lock.lock();
        try {
            State asked = state;
            if (known == null) {
                asked = switch (state) {
                    case CARD_INSERTION -> State.CARD_PRESENT;
                    case CARD_REMOVAL -> State.CARD_ABSENT;
                    default -> state;
                };
            }
            List<CardTerminal> out = new ArrayList<>();
            for (VirtualTerminal terminal : readers) {
                if (matches(terminal, asked)) {
                    out.add(terminal);
                }
            }
            return Collections.unmodifiableList(out);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Timeout in ms, 0 = forever; false on timeout (the state database is then left as it was).
     *
     * @throws IllegalArgumentException for a negative timeout
     * @throws IllegalStateException "No terminals available" when no reader is plugged
     */
    @Override
    public boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("Timeout must not be negative: " + timeout);
        }
        lock.lock();
        try {
            boolean first = known == null;
            if (first) {
                known = new IdentityHashMap<>();
            }
            if (readers.isEmpty()) {
                throw new IllegalStateException("No terminals available");
            }
            if (first) {
                for (VirtualTerminal terminal : readers) {
                    known.put(terminal, new ReaderState(false, terminal.observe()));
                }
            }
            if (!awaitLocked(this::differsFromKnown, timeout)) {
                return false;
            }
            Map<VirtualTerminal, ReaderState> next = new IdentityHashMap<>();
            for (VirtualTerminal terminal : readers) {
                ReaderState before = known.get(terminal);
                next.put(terminal, new ReaderState(before != null && before.now().present(), terminal.observe()));
            }
            known = next;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardException("waitForChange() interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter to re-check its condition; called after each insertion, removal, plug and unplug. */
    void changed() {
        lock.lock();
        try {
            change.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code reached} holds, or {@code timeoutMillis} (0 = forever) passes; false on timeout. */
    boolean await(BooleanSupplier reached, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            return awaitLocked(reached, timeoutMillis);
        } finally {
            lock.unlock();
        }
    }

    private boolean awaitLocked(BooleanSupplier reached, long timeoutMillis) throws InterruptedException {
        if (timeline.virtual() && timeoutMillis > 0) {
            if (!reached.getAsBoolean()) {
                timeline.sleep(Duration.ofMillis(timeoutMillis)); // nothing else moves the card while we wait
            }
            return reached.getAsBoolean();
        }
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!reached.getAsBoolean()) {
            if (timeoutMillis == 0) {
                change.await();
            } else if (nanos <= 0) {
                return false;
            } else {
                nanos = change.awaitNanos(nanos);
            }
        }
        return true;
    }

    private boolean differsFromKnown() {
        if (readers.size() != known.size()) {
            return true;
        }
        for (VirtualTerminal terminal : readers) {
            ReaderState state = known.get(terminal);
            if (state == null || !state.now().equals(terminal.observe())) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(VirtualTerminal terminal, State state) {
        return switch (state) {
            case ALL -> true;
            case CARD_PRESENT -> terminal.observe().present();
            case CARD_ABSENT -> !terminal.observe().present();
            case CARD_INSERTION -> known.containsKey(terminal) && known.get(terminal).insertion();
            case CARD_REMOVAL -> known.containsKey(terminal) && known.get(terminal).removal();
        };
    }
}
