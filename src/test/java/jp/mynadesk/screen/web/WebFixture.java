package jp.mynadesk.screen.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.mynadesk.bench.WebDeskClient;
import jp.mynadesk.oqs.MutableClock;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.station.Station;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.testsupport.PatientClient;
import jp.mynadesk.time.Timeline;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;

/** A whole desk for the web tests: virtual card, in-process mock service, SQLite record, the web pages on port 0. */
final class WebFixture implements AutoCloseable {
    final MutableClock clock = MutableClock.jst("2026-12-01T09:00");
    /** The web server's own time (sessions, pairing backoff, header time-out), moved by hand apart from the desk's. */
    final MutableClock webClock = MutableClock.jst("2026-12-01T09:00");
    final Path data;
    final Station station;
    final WebDesk web;

    WebFixture(String profile, String bind) throws Exception {
        this(profile, bind, null);
    }

    /** @param busyTimeout how long the desk waits for a locked record (null: the default) */
    WebFixture(String profile, String bind, Duration busyTimeout) throws Exception {
        data = Files.createTempDirectory("mynadesk-web");
        station = Station.open(new Station.Setup(CardProfiles.resolve(profile), null, false, null,
                OqsServer.Config.defaults().batchProcessingTime(Duration.ZERO), new DataDirectory(data, true), busyTimeout, clock,
                null, null, null, null), Timeline.REAL, PatientClient::tune);
        web = WebDesk.start(station, new WebDesk.Options(bind, 0), webClock);
    }

    WebFixture(String profile) throws Exception {
        this(profile, "127.0.0.1");
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + web.port() + "/");
    }

    WebDeskClient client() throws Exception {
        WebDeskClient c = new WebDeskClient(base());
        c.session();
        return c;
    }

    void swapCard(String profile) throws Exception {
        station.virtualReader().insert(MyNumberCard.of(CardProfiles.resolve(profile)));
    }

    void outage() {
        station.inProcessService().faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
    }

    /** The service is back, and the breaker's wait has passed on the desk's clock. */
    void recover() {
        station.inProcessService().faults().set(FaultPlan.none());
        clock.advance(Duration.ofMinutes(10));
    }

    @Override
    public void close() {
        web.close();
        station.close();
    }
}
