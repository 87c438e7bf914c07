package jp.mynadesk.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.CardFailure;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.card.Trace;
import jp.mynadesk.testsupport.PcscdCheck;
import jp.mynadesk.testsupport.RequiresPcscd;
import jp.mynadesk.virtualcard.ReplayCard;
import jp.mynadesk.virtualcard.vpcd.VpcdAddress;
import jp.mynadesk.virtualcard.vpcd.VpcdBridge;
import org.junit.jupiter.api.Test;

/** A replayed field recording behind the real pcscd: the removal it recorded happens at the same command. */
@RequiresPcscd
class ReplayPcscTest {

    @Test
    void aRecordedRemovalReplaysThroughPcscd() throws Exception {
        Trace trace = ApduTrace.parse(Recording.record("default", JpkiReplayTest.profilePin(), 6).text());
        ReplayCard replay = ReplayCard.of(trace);
        CardTerminal terminal = PcscdCheck.terminal();
        assertFalse(terminal.isCardPresent(), "vpcd slot 0 is taken");
        try (VpcdBridge bridge = new VpcdBridge(VpcdAddress.DEFAULT).start()) {
            bridge.insert(replay);
            assertTrue(terminal.waitForCardPresent(5000));
            Card card = terminal.connect("*");
            JpkiCard host = new JpkiCard(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())));
            assertTrue(host.open().isSuccess());
            assertInstanceOf(CardFailure.CardRemoved.class, host.readAuthCertificate().failure());
            assertEquals(6, replay.commandsSeen());
            assertTrue(replay.finish().isEmpty(), () -> replay.finish().toString());
            assertTrue(bridge.card().isEmpty(), "the card left the slot");
        }
        assertTrue(terminal.waitForCardAbsent(5000));
    }
}
