package jp.mynadesk.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckScript;
import jp.mynadesk.desk.Outcome;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;
import jp.mynadesk.testsupport.PatientClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station's virtual reader behaves as the chosen reader family, and the check still goes through it. The client has
 * {@link PatientClient} deadlines: the check's first CRL and card answers from a cold mock must not time out on a
 * loaded machine (it did, as SERVICE_OFFLINE, in a batch run).
 */
class StationReaderProfileTest {

    @Test
    void aT0ReaderProfileCarriesTheWholeCheck(@TempDir Path dir) throws Exception {
        ReaderProfile acr = ReaderProfiles.resolve("acr39u");
        Clock clock = Station.standingAt(Clock.systemUTC(), Instant.parse("2026-12-01T01:00:00Z"));
        try (Station station = Station.open(new Station.Setup(CardProfiles.resolve("default"), null, false, null, null,
                new DataDirectory(dir.resolve("data"), true), null, clock, null, null, null, null, acr, null),
                jp.mynadesk.time.Timeline.REAL, PatientClient::tune)) {
            assertEquals(acr.readerName(), station.virtualReader().getName());
            assertTrue(station.virtualReader().options().t0(), "the ACR39U profile runs T=0");
            Visit v = new CheckScript(CheckMode.PIN, null, "1234".toCharArray(), null, List.of(), false, null, null)
                    .run(new ReceptionCheck(station.context()));
            assertEquals(Outcome.CONFIRMED, v.outcome(), String.valueOf(v.reason()));
        }
    }
}
