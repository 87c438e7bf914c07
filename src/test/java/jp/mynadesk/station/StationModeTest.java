package jp.mynadesk.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jp.mynadesk.oqs.NoService;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.virtualcard.CardProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mode a station runs in (docs/CLINIC.md): what is simulated, which CAs are trusted, and no mock unless asked. */
class StationModeTest {
    @TempDir
    Path dir;

    private Station.Setup setup(boolean virtual, boolean pcsc, boolean noService, TrustAnchors anchors, List<String> staff)
            throws Exception {
        return new Station.Setup(virtual ? CardProfiles.resolve("default") : null, null, pcsc, null, null,
                new DataDirectory(dir.resolve("data"), true), null, Clock.systemUTC(), null, null, null, null, null, null,
                noService, anchors, staff);
    }

    @Test
    void aPcscReaderWithoutAnchorsDoesNotOpenAtAll() throws Exception {
        NoTrustAnchors e = assertThrows(NoTrustAnchors.class, () -> Station.open(setup(false, true, true, null, null)));
        assertTrue(e.getMessage().contains("J-LIS の利用者証明用CA証明書"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("data")), "refused before the record or pcscd was touched");
        assertThrows(NoTrustAnchors.class, () -> Station.open(setup(false, true, false, TrustAnchors.none(), null)));
    }

    @Test
    void aVirtualCardTrustsTheSimulatorCaAndConfiguredAnchors() throws Exception {
        TrustAnchors other = TrustAnchors.of(TestCa.create("station-mode-test"));
        try (Station s = Station.open(setup(true, false, false, other, null))) {
            assertTrue(s.simulated());
            assertTrue(s.anchors().certificates().containsAll(TrustAnchors.testCa().certificates()));
            assertTrue(s.anchors().certificates().containsAll(other.certificates()));
            assertTrue(s.context().simulated());
            assertTrue(s.hasService(), "the mock, as no service was configured");
        }
    }

    @Test
    void withoutACardOrTheMockItIsTheClinicAndNoServiceStarts() throws Exception {
        try (Station s = Station.open(setup(false, false, true, null, null))) {
            assertFalse(s.simulated());
            assertFalse(s.hasService());
            assertTrue(s.service() instanceof NoService);
            assertEquals(null, s.inProcessService(), "no mock started");
            assertTrue(s.anchors().isEmpty(), "the simulator's CA is not trusted without a virtual card");
            assertFalse(s.context().simulated());
        }
    }

    @Test
    void theMockAskedForMakesASimulationWithoutACard() throws Exception {
        try (Station s = Station.open(setup(false, false, false, null, null))) {
            assertTrue(s.simulated());
            assertTrue(s.inProcessService() != null);
            assertTrue(s.anchors().isEmpty(), "trust follows the reader, not the service");
        }
    }

    @Test
    void visualStaffAreCheckedWhenListed() throws Exception {
        try (Station s = Station.open(setup(false, false, true, null, List.of("S001")))) {
            assertTrue(s.mayConfirmVisually("S001"));
            assertTrue(s.mayConfirmVisually(" S001 "));
            assertFalse(s.mayConfirmVisually("S002"));
            assertFalse(s.mayConfirmVisually(null));
        }
        try (Station s = Station.open(setup(false, false, true, null, null))) {
            assertTrue(s.mayConfirmVisually("anyone"));
        }
    }
}
