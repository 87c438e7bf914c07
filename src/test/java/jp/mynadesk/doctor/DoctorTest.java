package jp.mynadesk.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.PcscProblem;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.settings.ServiceChoice;
import jp.mynadesk.settings.Settings;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.Stores;
import jp.mynadesk.testsupport.RecordingCard;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each diagnosis against a made-up world: the in-JVM reader (or a PC/SC that is down or silent), anchor files of
 * chosen validity, a service that answers, answers 503 or stays silent, a record, an injected clock and free space.
 */
class DoctorTest {
    /** What a party that answers is given (generous: the test machine is shared). */
    private static final Duration AMPLE = Duration.ofSeconds(20);
    /** What a silent party is given before the finding says so. */
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final long PLENTY = 50L << 30;

    @TempDir
    Path dir;

    private final VirtualTerminals terminals = new VirtualTerminals();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("Asia/Tokyo");
    private PcscAccess pcsc = () -> new CardReaders(terminals.factory());
    private long free = PLENTY;
    private Doctor.Limits limits = new Doctor.Limits(AMPLE, AMPLE, AMPLE);
    private Path data;

    @BeforeEach
    void world() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private Doctor.Surroundings surroundings() {
        return new Doctor.Surroundings(clock, zone, pcsc, p -> free, limits);
    }

    private DoctorReport run(String reader, List<Path> anchors, ServiceChoice service) {
        Settings settings = Settings.resolve(Settings.Given.none(), Map.of("HOME", dir.toString()));
        return Doctor.run(Doctor.checks(new Doctor.Inputs(SettingsCheck.of(settings), reader, anchors, service,
                new DataDirectory(data, true), null), surroundings()));
    }

    private static Finding finding(DoctorReport report, String name) {
        return report.findings().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no " + name + " in " + report));
    }

    private URI mockService() throws IOException {
        OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0));
        closing.add(server);
        return server.uri();
    }

    private Path goodAnchor() throws Exception {
        return Anchors.pem(dir.resolve("jpki-auth-ca.pem"), Anchors.simulatorRoot());
    }

    private void cardOn(String reader, EmulatedCard card) {
        terminals.plug(reader).insert(card);
    }

    @Test
    void aGoodSetupIsAllOkAndTheCardGetsOnlyASelect() throws Exception {
        Path settingsFile = Files.writeString(dir.resolve("settings.yaml"), "service: " + mockService() + "\n"
                + "trustAnchors: [jpki-auth-ca.pem]\nreader: Reader A\nrecord: data\n");
        goodAnchor();
        Stores.open(data, clock).close(); // a record with its schema, no visits yet
        RecordingCard card = new RecordingCard(MyNumberCard.of(CardProfiles.resolve("default")));
        cardOn("Reader A 00 00", card);
        Settings settings = Settings.resolve(new Settings.Given(settingsFile.toString(), null, null, null, null, null, null,
                null, null), Map.of("HOME", dir.toString()));
        DoctorReport report = Doctor.run(Doctor.checks(new Doctor.Inputs(SettingsCheck.of(settings),
                settings.reader().value(), settings.trustAnchors().value(), settings.service().value(),
                new DataDirectory(Path.of(settings.record().value()), true), null), surroundings()));

        assertEquals(Status.OK, report.status(), report.toString());
        assertEquals(List.of("settings", "pcscd", "reader", "card", "trust-anchor", "service", "record", "clock", "disk"),
                report.findings().stream().map(Finding::name).toList());
        assertTrue(finding(report, "settings").message().contains(settingsFile.toString()));
        assertTrue(finding(report, "reader").message().contains("「Reader A 00 00」"));
        Finding cardLine = finding(report, "card");
        assertTrue(cardLine.message().contains("公的個人認証 AP を選択できました") && cardLine.message().contains("ATR 3B"), cardLine.message());
        assertEquals(List.of("A4"), card.instructions(), "doctor sends one SELECT and nothing else (no VERIFY, no READ)");
        Finding anchor = finding(report, "trust-anchor");
        assertTrue(anchor.message().contains("SHA-256 " + TrustAnchorCheck.fingerprint(Anchors.simulatorRoot())), anchor.message());
        assertTrue(anchor.message().contains("有効期限 2045-12-31"), anchor.message());
        assertTrue(finding(report, "service").message().contains("HTTP 200"));
        assertTrue(finding(report, "record").message().contains("監査記録のつながりを確かめました（受付 0 件"));
        assertTrue(finding(report, "clock").message().contains("サービスの時刻との差は"), finding(report, "clock").message());
        assertTrue(finding(report, "disk").message().contains("50.0 GiB"));
    }

    @Test
    void noAnchorIsAProblemInClinicModeAndAWarningWithTheMock() throws Exception {
        cardOn("Reader A", MyNumberCard.of(CardProfiles.resolve("default")));
        Finding clinic = finding(run(null, List.of(), ServiceChoice.NONE), "trust-anchor");
        assertEquals(Status.PROBLEM, clinic.status());
        assertTrue(clinic.next().contains("mynadesk setup"), clinic.next());
        assertEquals(Status.WARNING, finding(run(null, List.of(), ServiceChoice.MOCK), "trust-anchor").status());
    }

    @Test
    void aMissingOrBadAnchorFileIsAProblem() throws Exception {
        Path garbage = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        DoctorReport report = run(null, List.of(dir.resolve("missing.pem"), garbage, goodAnchor()), ServiceChoice.NONE);
        List<Finding> anchors = report.findings().stream().filter(f -> f.name().equals("trust-anchor")).toList();
        assertEquals(3, anchors.size(), "one line per anchor file");
        assertEquals(Status.PROBLEM, anchors.get(0).status());
        assertTrue(anchors.get(0).message().contains("missing.pem") && anchors.get(0).message().contains("ありません"));
        assertEquals(Status.PROBLEM, anchors.get(1).status());
        assertTrue(anchors.get(1).message().contains("読めません"), anchors.get(1).message());
        assertEquals(Status.OK, anchors.get(2).status());
        assertEquals(Status.PROBLEM, report.status(), "doctor exits 3 (cli.DoctorCommand)");
    }

    @Test
    void anAnchorsValidityIsJudgedByTheInjectedClock() throws Exception {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        clock = Clock.fixed(now, ZoneId.of("UTC"));
        Path soon = Anchors.der(dir.resolve("soon.der"), Anchors.selfSigned("Soon CA", now.minus(3650, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS), true));
        Path expired = Anchors.pem(dir.resolve("expired.pem"), Anchors.selfSigned("Old CA", now.minus(3650, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS), true));
        Path early = Anchors.pem(dir.resolve("early.pem"), Anchors.selfSigned("Future CA", now.plus(1, ChronoUnit.DAYS),
                now.plus(3650, ChronoUnit.DAYS), true));
        Path leaf = Anchors.pem(dir.resolve("leaf.pem"), Anchors.selfSigned("Not A CA", now.minus(1, ChronoUnit.DAYS),
                now.plus(3650, ChronoUnit.DAYS), false));
        List<Finding> anchors = run(null, List.of(soon, expired, early, leaf), ServiceChoice.NONE).findings().stream()
                .filter(f -> f.name().equals("trust-anchor")).toList();
        assertEquals(Status.WARNING, anchors.get(0).status());
        assertTrue(anchors.get(0).message().contains("Soon CA: 有効期限 2027-01-06（残り 30 日）"), anchors.get(0).message());
        assertEquals(Status.PROBLEM, anchors.get(1).status());
        assertTrue(anchors.get(1).message().contains("有効期限切れ"), anchors.get(1).message());
        assertEquals(Status.PROBLEM, anchors.get(2).status());
        assertTrue(anchors.get(2).message().contains("まだ有効期間前"), anchors.get(2).message());
        assertEquals(Status.WARNING, anchors.get(3).status());
        assertTrue(anchors.get(3).message().contains("CA 証明書ではありません"), anchors.get(3).message());
    }

    @Test
    void aServiceAnswering503IsAWarning() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
        closing.add(() -> server.stop(0));
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        DoctorReport report = run(null, List.of(goodAnchor()), new ServiceChoice(ServiceChoice.Kind.URL, url));
        Finding service = finding(report, "service");
        assertEquals(Status.WARNING, service.status());
        assertTrue(service.message().contains("HTTP 503"), service.message());
        assertEquals(Status.OK, finding(report, "clock").status(), "the answer's Date is close to this clock");
    }

    @Test
    void aSilentPortIsAProblemAfterTheShortTimeOut() throws Exception {
        limits = new Doctor.Limits(AMPLE, SHORT, AMPLE);
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
            Finding service = finding(run(null, List.of(goodAnchor()), new ServiceChoice(ServiceChoice.Kind.URL, url)), "service");
            assertEquals(Status.PROBLEM, service.status());
            assertTrue(service.message().contains("0.3 秒以内に応答がありません"), service.message());
        }
    }

    @Test
    void aRefusedConnectionIsAProblem() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Finding service = finding(run(null, List.of(), new ServiceChoice(ServiceChoice.Kind.URL,
                URI.create("http://127.0.0.1:" + port + "/"))), "service");
        assertEquals(Status.PROBLEM, service.status());
    }

    @Test
    void noServiceIsOkWithANoteAndTheMockIsAWarningSayingSimulation() {
        Finding none = finding(run(null, List.of(), null), "service");
        assertEquals(Status.OK, none.status());
        assertTrue(none.message().contains("未接続（設定なし）"), none.message());
        Finding mock = finding(run(null, List.of(), ServiceChoice.MOCK), "service");
        assertEquals(Status.WARNING, mock.status());
        assertTrue(mock.message().contains("simulation"), mock.message());
    }

    @Test
    void theClockIsComparedWithTheServicesDate() throws Exception {
        URI url = mockService();
        ServiceChoice service = new ServiceChoice(ServiceChoice.Kind.URL, url);
        clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        Finding twoMinutes = finding(run(null, List.of(), service), "clock");
        assertEquals(Status.WARNING, twoMinutes.status(), twoMinutes.message());
        assertTrue(twoMinutes.next().contains("NTP"));
        clock = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        assertEquals(Status.PROBLEM, finding(run(null, List.of(), service), "clock").status());
    }

    @Test
    void aTimeZoneOtherThanJapanIsAWarning() {
        zone = ZoneId.of("UTC");
        clock = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), zone);
        Finding c = finding(run(null, List.of(), null), "clock");
        assertEquals(Status.WARNING, c.status());
        assertTrue(c.message().startsWith("この PC の時刻は 2026-12-07 09:00:00 JST。タイムゾーンが日本時間ではありません"), c.message());
        assertTrue(c.next().contains("Asia/Tokyo"));
    }

    @Test
    void freeSpaceBelowOneGibIsAWarningAndBelowAHundredMibAProblem() {
        free = 500L << 20;
        assertEquals(Status.WARNING, finding(run(null, List.of(), null), "disk").status());
        free = 50L << 20;
        Finding disk = finding(run(null, List.of(), null), "disk");
        assertEquals(Status.PROBLEM, disk.status());
        assertTrue(disk.message().contains("50 MiB"), disk.message());
    }

    @Test
    void pcscdDownIsAProblemAndTheReaderAndCardSayWhyTheyWereNotChecked() {
        pcsc = () -> {
            throw new ReaderException(PcscProblem.SERVICE_DOWN, "SCARD_E_NO_SERVICE", null);
        };
        DoctorReport report = run(null, List.of(), null);
        Finding pcscd = finding(report, "pcscd");
        assertEquals(Status.PROBLEM, pcscd.status());
        assertTrue(pcscd.next().contains("systemctl"), pcscd.next());
        assertEquals(Status.PROBLEM, finding(report, "reader").status());
        assertTrue(finding(report, "reader").next().contains("pcscd"));
        assertEquals(Status.PROBLEM, finding(report, "card").status());
    }

    @Test
    void aPcscdThatDoesNotAnswerIsAProblemAfterTheTimeOut() {
        limits = new Doctor.Limits(SHORT, AMPLE, AMPLE);
        CountDownLatch never = new CountDownLatch(1);
        pcsc = () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ReaderException(PcscProblem.TIMEOUT, "interrupted", null);
        };
        Finding pcscd = finding(run(null, List.of(), null), "pcscd");
        assertEquals(Status.PROBLEM, pcscd.status());
        assertTrue(pcscd.message().contains("0.3 秒以内に応答しません"), pcscd.message());
    }

    @Test
    void readersNoneSeveralUnnamedAndANameThatFitsNoneOrSeveral() {
        Finding none = finding(run(null, List.of(), null), "reader");
        assertEquals(Status.PROBLEM, none.status());
        assertEquals(jp.mynadesk.desk.StaffText.message(PcscProblem.NO_READERS), none.message());

        terminals.plug("ACS ACR39U 00 00");
        terminals.plug("ACS ACR39U 01 00");
        assertEquals(Status.WARNING, finding(run(null, List.of(), null), "reader").status());
        Finding noMatch = finding(run("SONY", List.of(), null), "reader");
        assertEquals(Status.PROBLEM, noMatch.status());
        assertTrue(noMatch.message().contains("「SONY」に合うカードリーダーがありません（接続中: 「ACS ACR39U 00 00」、「ACS ACR39U 01 00」）"),
                noMatch.message());
        Finding several = finding(run("acr39u", List.of(), null), "reader");
        assertEquals(Status.PROBLEM, several.status());
        assertTrue(several.message().contains("2 台に合います"), several.message());
        assertEquals(Status.OK, finding(run("acr39u 01", List.of(), null), "reader").status());
    }

    @Test
    void noCardIsOkWithANoteAndAForeignCardIsAWarning() {
        terminals.plug("Reader A");
        Finding empty = finding(run(null, List.of(), null), "card");
        assertEquals(Status.OK, empty.status());
        assertTrue(empty.message().contains("カードは置かれていません"), empty.message());

        ForeignCard foreign = new ForeignCard();
        terminals.find("Reader A").orElseThrow().insert(foreign);
        Finding card = finding(run(null, List.of(), null), "card");
        assertEquals(Status.WARNING, card.status());
        assertTrue(card.message().contains("SW 6A82"), card.message());
        assertEquals(1, foreign.commands);
    }

    @Test
    void aCheckThatFailsUnexpectedlyIsAProblemOfItsOwnAndTheOthersStillRun() {
        Check broken = new Check() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Finding run() {
                throw new IllegalStateException("bug");
            }
        };
        DoctorReport report = Doctor.run(List.of(broken, new DiskCheck(data, p -> PLENTY)));
        assertEquals(List.of(Status.PROBLEM, Status.OK), report.findings().stream().map(Finding::status).toList());
        assertFalse(report.findings().get(0).message().contains("bug"));
    }
}
