package jp.mynadesk.replay;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.smartcardio.Card;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.CardOutcome;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.card.Trace;
import jp.mynadesk.card.TraceHeader;
import jp.mynadesk.card.TracingTransport;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;

/**
 * Records real sessions for replay tests: the JPKI steps in the desk's order against a {@link MyNumberCard} in the
 * in-JVM reader, through {@link TracingTransport}, with a ticker that advances 1 ms per reading (deterministic).
 */
public final class Recording {
    static final String READER = "Field Reader 0";
    static final OffsetDateTime STARTED = OffsetDateTime.parse("2026-11-22T09:00:00+09:00");

    private Recording() {}

    /**
     * @param profile   built-in card profile
     * @param pin       what the patient types
     * @param pullAt    pull the card out while the card answers this command (1-based), 0 = never
     */
    public static Trace record(String profile, String pin, int pullAt) throws Exception {
        AtomicLong nanos = new AtomicLong();
        ApduTrace trace = new ApduTrace(() -> nanos.addAndGet(1_000_000));
        VirtualTerminals terminals = new VirtualTerminals();
        VirtualTerminal terminal = terminals.plug(READER);
        terminal.insert(MyNumberCard.of(CardProfiles.resolve(profile)));
        AtomicInteger sent = new AtomicInteger();
        terminal.setResponseTamperer((command, response) -> {
            if (sent.incrementAndGet() == pullAt) {
                terminal.remove();
            }
            return response;
        });
        Card card = terminal.connect("*");
        trace.header(TraceHeader.thisProgram().withReader(READER, card.getATR().getBytes(), card.getProtocol())
                .withCardProfile(profile).withStarted(STARTED));
        JpkiCard host = new JpkiCard(new TracingTransport(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())), trace));
        boolean ok = host.open().isSuccess() && host.readAuthCertificate().isSuccess() && host.pinTriesLeft().isSuccess();
        if (ok) {
            CardOutcome<Void> verified = host.verifyPin(pin.toCharArray());
            if (verified.isSuccess()) {
                host.signSha256(new byte[32]);
            }
        }
        return trace.snapshot();
    }
}
