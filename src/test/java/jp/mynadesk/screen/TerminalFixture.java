package jp.mynadesk.screen;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.oqs.MutableClock;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.station.Station;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.testsupport.PatientClient;
import jp.mynadesk.time.Timeline;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;

/**
 * A whole terminal desk for a test: the in-JVM reader with a virtual card, the mock service in this process (or a
 * URL), the real SQLite record in a temporary folder, and the screen's own input seam ({@link Keyboard}).
 */
final class TerminalFixture implements AutoCloseable {
    final MutableClock clock = MutableClock.jst("2026-12-01T09:00");
    final Path data;
    final Station station;
    final StringWriter screen = new StringWriter();
    TerminalDesk desk;

    TerminalFixture(String profile) throws Exception {
        this(profile, null);
    }

    TerminalFixture(String profile, URI service) throws Exception {
        data = Files.createTempDirectory("mynadesk-terminal");
        station = Station.open(new Station.Setup(profile == null ? null : CardProfiles.resolve(profile), null, false, service,
                OqsServer.Config.defaults().batchProcessingTime(Duration.ZERO), new DataDirectory(data, true), null, clock,
                null, null, null, null), Timeline.REAL, PatientClient::tune);
    }

    /** Runs the desk on these keys (strings are lines, runnables happen between lines) and returns the screen. */
    String type(Object... keys) throws Exception {
        desk = new TerminalDesk(station, new BufferedReader(new Keyboard(Arrays.asList(keys))), new PrintWriter(screen, true), null);
        desk.run();
        return screen.toString();
    }

    /** What the record holds now, read back from the SQLite file. */
    List<Visit> visits() {
        return station.store().visits(null);
    }

    Visit last() {
        List<Visit> all = visits();
        return all.get(all.size() - 1);
    }

    Runnable outage() {
        return () -> station.inProcessService().faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
    }

    /** The service is back, and the breaker's wait has passed on the desk's clock. */
    Runnable recover() {
        return () -> {
            station.inProcessService().faults().set(FaultPlan.none());
            clock.advance(Duration.ofMinutes(10));
        };
    }

    Runnable card(String profile) {
        return () -> {
            try {
                station.virtualReader().remove();
                station.virtualReader().insert(MyNumberCard.of(CardProfiles.resolve(profile)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** How many times {@code text} appears on the screen. */
    int count(String text) {
        return screen.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    @Override
    public void close() throws Exception {
        station.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
