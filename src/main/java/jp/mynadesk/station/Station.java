package jp.mynadesk.station;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.desk.CheckStep;
import jp.mynadesk.desk.DeskContext;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.oqs.NoService;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.QualificationService;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.SharedDatabase;
import jp.mynadesk.store.Stores;
import jp.mynadesk.time.Timeline;
import jp.mynadesk.virtualcard.reader.TerminalOptions;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;

/**
 * One reception desk assembled from its sources: a reader (the in-JVM virtual one with a card profile, or a PC/SC
 * reader through pcscd, or none), the qualification service (a URL, a mock started in this process, or none), the
 * record (in a data directory, or a database shared by several desks), the trust anchors, and a clock.
 *
 * <p>A virtual card or the mock makes the desk a simulation (docs/CLINIC.md): its visits say so. The simulator's
 * CA is trusted only with a virtual card; at a PC/SC reader only the configured anchors are, and without any the
 * station does not open ({@link NoTrustAnchors}): the desk cannot tell a real card there from vpcd's. The terminal screen, {@code check}, {@code demo}, scenarios and the
 * web pages all open a station and drive {@link jp.mynadesk.desk.ReceptionCheck} over its {@link #context()}.
 */
public final class Station implements AutoCloseable {
    /** The clinic the built-in registry knows, and its desk registered for 目視. */
    public static final String DEFAULT_INSTITUTION = "1311111111";
    public static final String DEFAULT_TERMINAL = "DESK-01";
    public static final String VIRTUAL_READER = "mynadesk Virtual Reader 0";

    private final Setup setup;
    private final VirtualTerminal virtualReader;
    private final OqsServer inProcessService;
    private final OqsClient client;
    private final QualificationService service;
    private final VisitStore store;
    private final CardReaders readers;

    /**
     * What the station is made of.
     *
     * @param virtualCard    the card in the in-JVM reader (null: no virtual reader)
     * @param pcscReader     name (or unique part) of a PC/SC reader (null with a virtual card or none)
     * @param usePcsc        use PC/SC even without a name (the first reader)
     * @param service        the service's base URL (null: start the mock in this process)
     * @param serviceConfig  how to start the in-process mock (null: defaults)
     * @param announce       told once what was started (e.g. the in-process service's address), for stderr
     * @param readerProfile  how the virtual reader behaves (a reader family's quirks, firmware-notes/); null = plain
     * @param shared         the record in a database several desks share (null: the SQLite file in {@code data})
     * @param noService      no online qualification service at all ({@link NoService}; {@code service} is ignored)
     * @param anchors        the configured trust anchors (null: none)
     * @param visualStaff    the staff ids allowed to confirm 目視 (empty: anyone)
     */
    public record Setup(CardProfile virtualCard, String pcscReader, boolean usePcsc, URI service,
                        OqsServer.Config serviceConfig, DataDirectory data, Duration busyTimeout, Clock clock, String institution,
                        String terminal, ApduTrace trace, Consumer<String> announce, ReaderProfile readerProfile,
                        SharedDatabase shared, boolean noService, TrustAnchors anchors, List<String> visualStaff) {
        public Setup {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(clock, "clock");
            busyTimeout = busyTimeout == null ? Stores.DEFAULT_BUSY_TIMEOUT : busyTimeout;
            institution = institution == null ? DEFAULT_INSTITUTION : institution;
            terminal = terminal == null ? DEFAULT_TERMINAL : terminal;
            announce = announce == null ? s -> { } : announce;
            anchors = anchors == null ? TrustAnchors.none() : anchors;
            visualStaff = visualStaff == null ? List.of() : List.copyOf(visualStaff);
        }

        /** A desk with the service given (null: the mock in this process) and no configured anchors. */
        public Setup(CardProfile virtualCard, String pcscReader, boolean usePcsc, URI service,
                     OqsServer.Config serviceConfig, DataDirectory data, Duration busyTimeout, Clock clock, String institution,
                     String terminal, ApduTrace trace, Consumer<String> announce, ReaderProfile readerProfile,
                     SharedDatabase shared) {
            this(virtualCard, pcscReader, usePcsc, service, serviceConfig, data, busyTimeout, clock, institution, terminal,
                    trace, announce, readerProfile, shared, false, null, null);
        }

        /** The same desk with these trust anchors configured. */
        public Setup withAnchors(TrustAnchors configured) {
            return new Setup(virtualCard, pcscReader, usePcsc, service, serviceConfig, data, busyTimeout, clock,
                    institution, terminal, trace, announce, readerProfile, shared, noService, configured, visualStaff);
        }

        /** A PC/SC reader: the desk cannot know whether the card in it is real (docs/CLINIC.md). */
        public boolean pcsc() {
            return virtualCard == null && (usePcsc || pcscReader != null);
        }

        /** A desk with the plain virtual reader and its own record in the data directory. */
        public Setup(CardProfile virtualCard, String pcscReader, boolean usePcsc, URI service,
                     OqsServer.Config serviceConfig, DataDirectory data, Duration busyTimeout, Clock clock,
                     String institution, String terminal, ApduTrace trace, Consumer<String> announce) {
            this(virtualCard, pcscReader, usePcsc, service, serviceConfig, data, busyTimeout, clock, institution,
                    terminal, trace, announce, null, null);
        }

        VisitStore openStore() {
            return shared != null ? Stores.open(shared, data, clock, busyTimeout) : Stores.open(data, clock, busyTimeout);
        }
    }

    private Station(Setup setup, VirtualTerminal virtualReader, OqsServer server,
                    OqsClient client, VisitStore store, CardReaders readers) {
        this.setup = setup;
        this.virtualReader = virtualReader;
        this.inProcessService = server;
        this.client = client;
        this.service = client != null ? client : new NoService(setup.clock().instant());
        this.store = store;
        this.readers = readers;
    }

    /**
     * Opens everything, or nothing: on any failure what was already started is closed again.
     *
     * @throws ReaderException when PC/SC is asked for and pcscd is not there
     * @throws jp.mynadesk.desk.StoreException when the record cannot be opened
     * @throws NoTrustAnchors at a PC/SC reader without configured anchors (before anything is opened)
     */
    public static Station open(Setup s) throws ReaderException, IOException {
        return open(s, Timeline.REAL);
    }

    /**
     * As {@link #open(Setup)}, with the in-JVM reader, the client and the in-process mock service all waiting on
     * {@code timeline} (a scenario's virtual time). A PC/SC reader waits in real time whatever the timeline.
     */
    public static Station open(Setup s, Timeline timeline) throws ReaderException, IOException {
        return open(s, timeline, UnaryOperator.identity());
    }

    /**
     * As {@link #open(Setup, Timeline)}, with the service client's settings changed by {@code clientTuning} (its
     * time-outs, retries and breaker). Tests whose subject is not the client's deadline give it one a loaded machine
     * never reaches, so an in-process answer that is merely slow does not turn into an outage the test did not ask for.
     */
    public static Station open(Setup s, Timeline timeline, UnaryOperator<OqsClient.Builder> clientTuning)
            throws ReaderException, IOException {
        if (s.pcsc() && s.anchors().isEmpty()) {
            throw new NoTrustAnchors();
        }
        CardReaders readers = null;
        if (s.virtualCard() == null && (s.usePcsc() || s.pcscReader() != null)) {
            readers = CardReaders.pcsc();
            readers.choose(s.pcscReader()); // a reader that is not there, or a name that fits several, stops here
        }
        // The record opens on a thread of its own while the card is made and the service client built: on two cores a
        // one-shot check gains most of the ~35 ms that opening SQLite takes (issue 23).
        Opening<VisitStore> opening = Opening.start("record", s::openStore);
        VirtualTerminal virtualReader = null;
        OqsServer server = null;
        OqsClient client = null;
        try {
            if (s.virtualCard() != null) {
                VirtualTerminals terminals = new VirtualTerminals(TerminalOptions.DEFAULT, timeline);
                virtualReader = s.readerProfile() == null ? terminals.plug(VIRTUAL_READER) : s.readerProfile().plug(terminals);
                virtualReader.insert(MyNumberCard.of(s.virtualCard()));
                readers = new CardReaders(terminals, terminals::factory); // no TerminalFactory (and no pcscd) unless monitored
            }
            URI uri = s.service();
            if (uri == null && !s.noService()) {
                OqsServer.Config config = s.serviceConfig() != null ? s.serviceConfig() : OqsServer.Config.defaults();
                server = OqsServer.start(config.port(0).clock(s.clock()).timeline(timeline));
                uri = server.uri();
                s.announce().accept("模擬オンライン資格確認サービスをこのプロセス内で起動しました: " + uri);
            }
            client = s.noService() ? null
                    : clientTuning.apply(OqsClient.builder(uri).clock(s.clock()).timeline(timeline)).build();
            Station station = new Station(s, virtualReader, server, client, opening.get(), readers);
            OperationsLog.info("station", station.settingsInForce());
            return station;
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
            closeQuietly(server);
            opening.discard();
            throw e;
        }
    }

    /**
     * The settings this desk runs with, for the operations log: names and paths, never a secret (a URL's user part
     * is left out, and a database URL never carries its password).
     */
    String settingsInForce() {
        String reader = setup.virtualCard() != null ? "仮想カード（プロファイル " + setup.virtualCard().name() + "）"
                : setup.pcscReader() != null ? "PC/SC「" + setup.pcscReader() + "」"
                : setup.usePcsc() ? "PC/SC（最初のリーダー）" : "なし";
        URI base = client == null ? null : client.base();
        String service = base == null ? "なし（設定なし）"
                : inProcessService != null ? "模擬サービス（このプロセス内 " + base + "）"
                : base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort())
                        + (base.getPath() == null ? "" : base.getPath());
        List<String> anchors = new java.util.ArrayList<>();
        for (java.security.cert.X509Certificate c : anchors().certificates()) {
            anchors.add(c.getSubjectX500Principal().getName());
        }
        String record = setup.shared() != null ? "PostgreSQL " + setup.shared().url()
                : setup.data().path().toAbsolutePath().resolve(Stores.SQLITE_FILE).toString();
        return "受付を開きました: " + (simulated() ? "練習モード（模擬）" : "本番モード") + "、カードリーダー " + reader
                + "、オンライン資格確認 " + service + "、信頼する CA " + anchors.size() + " 件 " + anchors + "、記録 " + record
                + "、端末 " + setup.terminal() + "、医療機関コード " + setup.institution();
    }

    /** The workflow's ports for one check; {@code listener} hears each card step (may be null). */
    public DeskContext context(CheckStep.StepListener listener) {
        return new DeskContext(setup.clock(), readers, setup.pcscReader(), service, store, anchors(),
                setup.institution(), setup.terminal(), listener, setup.trace(), simulated());
    }

    /** A simulation: a virtual card, or the mock service in this process (docs/CLINIC.md). */
    public boolean simulated() {
        return setup.virtualCard() != null || inProcessService != null;
    }

    /**
     * The CAs a card certificate must chain to: the simulator's own with a virtual card (plus any configured), else
     * only the configured ones.
     */
    public TrustAnchors anchors() {
        return setup.virtualCard() != null ? TrustAnchors.testCa().plus(setup.anchors()) : setup.anchors();
    }

    /** Whether a staff member may confirm 目視 at this desk: any when the settings list none (docs/CLINIC.md). */
    public boolean mayConfirmVisually(String staff) {
        return setup.visualStaff().isEmpty() || (staff != null && setup.visualStaff().contains(staff.strip()));
    }

    public DeskContext context() {
        return context(null);
    }

    public VisitStore store() {
        return store;
    }

    /** The HTTP client of the service; null when the desk has none ({@code service: none}). */
    public OqsClient client() {
        return client;
    }

    /** The service the checks use: the client, or {@link NoService}. */
    public QualificationService service() {
        return service;
    }

    /** False with {@code service: none}: every check goes to the documents at once. */
    public boolean hasService() {
        return client != null;
    }

    /** The mock service when it runs in this process (scenarios change its faults), else null. */
    public OqsServer inProcessService() {
        return inProcessService;
    }

    /** The in-JVM reader when the card is virtual (scenarios pull and swap cards), else null. */
    public VirtualTerminal virtualReader() {
        return virtualReader;
    }

    /** Reader and card events for the screen; only when the station has a reader. */
    public jp.mynadesk.reader.ReaderMonitor readerMonitor() {
        return readers.monitor();
    }

    public boolean hasReader() {
        return readers != null;
    }

    public Setup setup() {
        return setup;
    }

    @Override
    public void close() {
        closeQuietly(client);
        closeQuietly(inProcessService);
        closeQuietly(store);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // Closing on the way out: the first failure is the one worth reporting.
        }
    }

    /** A clock that ticks like {@code wall} but stands at {@code at}: timeouts behave, date rules see the chosen day. */
    public static Clock standingAt(Clock wall, java.time.Instant at) {
        return Clock.offset(wall, Duration.between(wall.instant(), at));
    }
}
