package jp.mynadesk.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestKeysTest {

    /** The session listener ran: the suite's own labels are decoded from the file, in the file's order. */
    @Test
    void theSuitesOwnLabelsAreInstalledBeforeAnyTestRuns() {
        SimulatorKeys fixed = DeterministicKeys.fixed();
        assertNotNull(fixed, "META-INF/services registers TestKeys as a LauncherSessionListener");
        assertEquals(TestKeys.LABELS, List.copyOf(fixed.labels()), "rewrite the file with TestKeys.main");
        for (String label : List.of("auth-ca:foreign", "chain-test:root", "auth:profile:x")) {
            assertEquals(fixed.keyPair(label).getPublic(), DeterministicKeys.rsa2048(label).getPublic(), label);
        }
    }

    /** None of them is also bundled: the bundle is for what main code uses, this file for tests only. */
    @Test
    void noLabelIsAlsoBundled() {
        for (String label : TestKeys.LABELS) {
            assertEquals(false, SimulatorKeys.bundled().contains(label), label);
        }
    }
}
