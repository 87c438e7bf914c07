package jp.mynadesk.replay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import jp.mynadesk.card.CardOutcome;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.Jpki;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.card.Ticker;
import jp.mynadesk.card.Trace;
import jp.mynadesk.card.TraceEntry;
import jp.mynadesk.virtualcard.ReplayCard;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.TerminalOptions;
import jp.mynadesk.virtualcard.reader.VirtualTerminal;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;

/**
 * Replays a trace against the JPKI host driver ({@link JpkiCard}): open, read the auth certificate, PIN tries,
 * verify, sign — the card steps of a reception check, in the desk's order — through the in-JVM reader with a
 * {@link ReplayCard} in it. This is the one place that decides what the host does during a replay; point it at the
 * desk workflow to replay whole checks.
 *
 * <p>The driver needs nothing secret: VERIFY is sent with a PIN of the recorded length (masked bytes match any
 * value) and the signature is asked over the digest the recording carries. It stops at the first failed step, as
 * the desk does, and when the recording has no commands left (the recorded host stopped there for reasons of its
 * own, e.g. an expired certificate).
 */
public final class JpkiReplay {
    /** Reader name when the trace does not say. */
    static final String DEFAULT_READER = "mynadesk Replay Reader 0";

    private JpkiReplay() {}

    /**
     * Replays in a reader named as in the trace header, speaking the recorded protocol.
     *
     * @param pause waits out recorded delays (milliseconds)
     */
    public static ReplayReport run(Trace trace, LongConsumer pause) {
        String reader = trace.header().reader() == null ? DEFAULT_READER : trace.header().reader();
        return run(trace, pause, terminals -> terminals.plug(reader,
                TerminalOptions.DEFAULT.withT0("T=0".equals(trace.header().protocol()))));
    }

    /**
     * Replays through a reader of this profile (its name, ATR, T=0, caps, latency, drop), to see whether the same
     * conversation survives another reader.
     *
     * @param ticker for the profile's drop-after timer
     * @param pause  waits out recorded delays and the profile's latency (milliseconds)
     */
    public static ReplayReport run(Trace trace, ReaderProfile profile, Ticker ticker, LongConsumer pause) {
        return run(trace, pause, terminals -> profile.plug(terminals, ticker, pause));
    }

    private static ReplayReport run(Trace trace, LongConsumer pause, Function<VirtualTerminals, VirtualTerminal> plug) {
        ReplayCard card = new ReplayCard(trace, pause);
        VirtualTerminal terminal = plug.apply(new VirtualTerminals());
        terminal.insert(card);
        List<ReplayReport.Step> steps = new ArrayList<>();
        try {
            Card connected = terminal.connect("*");
            JpkiCard host = new JpkiCard(new GetResponseTransport(new SmartcardioTransport(connected.getBasicChannel())),
                    usesExtendedReads(trace));
            char[] pin = new char[pinLength(trace)];
            Arrays.fill(pin, '0');
            byte[] digest = recordedDigest(trace);
            List<Step> plan = List.of(
                    new Step("open", host::open),
                    new Step("read certificate", host::readAuthCertificate),
                    new Step("PIN tries", host::pinTriesLeft),
                    new Step("verify PIN", () -> host.verifyPin(pin)),
                    new Step("sign", () -> host.signSha256(digest)));
            for (Step step : plan) {
                if (!card.hasMore()) {
                    break;
                }
                CardOutcome<?> outcome = step.action.get();
                steps.add(outcome.isSuccess() ? new ReplayReport.Step(step.name, "success", ReplayText.SUCCESS)
                        : new ReplayReport.Step(step.name, String.valueOf(outcome.failure()), ReplayText.failure(outcome.failure())));
                if (!outcome.isSuccess()) {
                    break;
                }
            }
        } catch (CardException e) {
            steps.add(new ReplayReport.Step("connect", "failed: " + e.getMessage(), "カードに接続できません（" + e.getMessage() + "）。"));
        } catch (IllegalArgumentException e) {
            // JpkiCard refuses a PIN that is not 4 digits before sending anything: the recording's VERIFY was
            // another length, and the desk never sends such a PIN.
            steps.add(new ReplayReport.Step("verify PIN", "not sent: " + e.getMessage(),
                    "照合を送りませんでした（記録の暗証番号が4桁ではありません。受付端末は4桁以外を送りません）。"));
        }
        return new ReplayReport(steps, card.commandsSeen(), trace.commands().size(), card.finish());
    }

    /** The length of the first masked VERIFY (4, the auth PIN, when none was recorded). */
    static int pinLength(Trace trace) {
        return trace.commands().stream()
                .filter(c -> c.ins() == Jpki.INS_VERIFY && c.maskedBytes() > 0)
                .mapToInt(TraceEntry.Command::maskedBytes).findFirst().orElse(4);
    }

    /** The SHA-256 digest inside the recorded COMPUTE DIGITAL SIGNATURE, or zeros when none was recorded. */
    static byte[] recordedDigest(Trace trace) {
        int prefix = Jpki.DIGEST_INFO_SHA256.length;
        return trace.commands().stream()
                .filter(c -> c.ins() == Jpki.INS_COMPUTE_SIGNATURE && c.length() >= 5 + prefix + 32)
                .map(c -> Arrays.copyOfRange(c.bytes(), 5 + prefix, 5 + prefix + 32))
                .findFirst().orElse(new byte[32]);
    }

    /** The recording read the certificate with extended-length READ BINARY (7-byte case 2E). */
    static boolean usesExtendedReads(Trace trace) {
        return trace.commands().stream().anyMatch(c -> c.ins() == Jpki.INS_READ_BINARY && c.length() == 7);
    }

    private record Step(String name, Supplier<CardOutcome<?>> action) {}
}
